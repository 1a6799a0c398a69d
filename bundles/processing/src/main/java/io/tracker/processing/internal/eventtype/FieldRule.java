package io.tracker.processing.internal.eventtype;

/**
 * How one dimension or metric of an event is made: where its value comes from, its type, how long a
 * dimension may be (longer values are cut) and the value used when the request has none.
 *
 * @param metric       true for a metric (a number), false for a dimension
 * @param name         the dimension's or metric's name
 * @param source       where the raw value is read
 * @param type         what it must be
 * @param maxLength    dimensions only: longer values are cut to this many characters
 * @param defaultValue used when the source has no value; null for none
 */
public record FieldRule(boolean metric, String name, ValueSource source, ValueType type, int maxLength,
                        String defaultValue) {

    /** Dimension values are labels, not payloads: the bound when none is configured. */
    public static final int DEFAULT_MAX_LENGTH = 1024;

    public String kind() {
        return metric ? "metric" : "dimension";
    }
}

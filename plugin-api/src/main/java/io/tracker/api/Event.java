package io.tracker.api;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One tracked event: an impression, a click, a conversion, a video quartile, ...
 *
 * <p>Immutable and safe to share between threads. Build one with {@link #builder(String, String, Instant)};
 * a preprocessor that changes an event builds a new one with {@link #toBuilder()}.
 *
 * <ul>
 *   <li>{@code id}: unique and time-ordered, or the client's idempotency key. Delivery is at-least-once,
 *       so a collector recognises a redelivered event by its id.</li>
 *   <li>{@code type}: the name of the event type that produced it, e.g. {@code impression}.</li>
 *   <li>{@code timestamp}: when the tracker received the hit.</li>
 *   <li>{@code dimensions}: descriptive values, name to string, in the order they were added.</li>
 *   <li>{@code metrics}: measured values, name to number, in the order they were added.</li>
 * </ul>
 */
public final class Event {

    private final String id;
    private final String type;
    private final Instant timestamp;
    private final Map<String, String> dimensions;
    private final Map<String, Number> metrics;

    /** Takes the builder's maps as they are; the builder copies them before it changes them again. */
    private Event(Builder builder) {
        this.id = builder.id;
        this.type = builder.type;
        this.timestamp = builder.timestamp;
        this.dimensions = Collections.unmodifiableMap(builder.dimensions);
        this.metrics = Collections.unmodifiableMap(builder.metrics);
    }

    /**
     * Starts an event.
     *
     * @param id        unique event id, not empty
     * @param type      event type name, not empty
     * @param timestamp when the hit was received
     * @throws IllegalArgumentException if {@code id} or {@code type} is empty
     * @throws NullPointerException     if any argument is null
     */
    public static Builder builder(String id, String type, Instant timestamp) {
        return new Builder(id, type, timestamp);
    }

    /** A builder holding this event's values, to derive a changed copy. */
    public Builder toBuilder() {
        return new Builder(id, type, timestamp, dimensions, metrics);
    }

    public String id() {
        return id;
    }

    public String type() {
        return type;
    }

    public Instant timestamp() {
        return timestamp;
    }

    /** Unmodifiable, in insertion order; never null. */
    public Map<String, String> dimensions() {
        return dimensions;
    }

    /** Unmodifiable, in insertion order; never null. */
    public Map<String, Number> metrics() {
        return metrics;
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof Event)) {
            return false;
        }
        Event that = (Event) other;
        return id.equals(that.id) && type.equals(that.type) && timestamp.equals(that.timestamp)
                && dimensions.equals(that.dimensions) && metrics.equals(that.metrics);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, type, timestamp, dimensions, metrics);
    }

    @Override
    public String toString() {
        return "Event[id=" + id + ", type=" + type + ", timestamp=" + timestamp
                + ", dimensions=" + dimensions + ", metrics=" + metrics + "]";
    }

    /**
     * Collects an event's values; not thread-safe, use it on one thread and throw it away.
     *
     * <p>Copy on write: an event built from it shares its maps, and so does a builder made from an event;
     * a map is copied only when a shared one is about to change. A preprocessor that sets one dimension
     * copies the dimensions once, where copying at each step cost four copies per preprocessor.
     */
    public static final class Builder {
        private String id;
        private String type;
        private Instant timestamp;
        private Map<String, String> dimensions;
        private Map<String, Number> metrics;
        /** The maps are (or may be) held by an event: copy before changing them. */
        private boolean dimensionsShared;
        private boolean metricsShared;

        private Builder(String id, String type, Instant timestamp) {
            id(id);
            type(type);
            timestamp(timestamp);
            this.dimensions = new LinkedHashMap<>();
            this.metrics = new LinkedHashMap<>();
        }

        private Builder(String id, String type, Instant timestamp, Map<String, String> dimensions,
                        Map<String, Number> metrics) {
            this.id = id;
            this.type = type;
            this.timestamp = timestamp;
            this.dimensions = dimensions;
            this.metrics = metrics;
            this.dimensionsShared = true;
            this.metricsShared = true;
        }

        public Builder id(String id) {
            this.id = requireNotEmpty(id, "id");
            return this;
        }

        public Builder type(String type) {
            this.type = requireNotEmpty(type, "type");
            return this;
        }

        public Builder timestamp(Instant timestamp) {
            this.timestamp = Objects.requireNonNull(timestamp, "timestamp");
            return this;
        }

        /** Sets a dimension; a null value removes it. */
        public Builder dimension(String name, String value) {
            Objects.requireNonNull(name, "dimension name");
            if (dimensionsShared) {
                dimensions = new LinkedHashMap<>(dimensions);
                dimensionsShared = false;
            }
            if (value == null) {
                dimensions.remove(name);
            } else {
                dimensions.put(name, value);
            }
            return this;
        }

        /** Sets a metric; a null value removes it. */
        public Builder metric(String name, Number value) {
            Objects.requireNonNull(name, "metric name");
            if (metricsShared) {
                metrics = new LinkedHashMap<>(metrics);
                metricsShared = false;
            }
            if (value == null) {
                metrics.remove(name);
            } else {
                metrics.put(name, value);
            }
            return this;
        }

        public Event build() {
            dimensionsShared = true;
            metricsShared = true;
            return new Event(this);
        }

        private static String requireNotEmpty(String value, String what) {
            Objects.requireNonNull(value, what);
            if (value.isEmpty()) {
                throw new IllegalArgumentException(what + " must not be empty");
            }
            return value;
        }
    }
}

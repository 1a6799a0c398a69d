package io.tracker.api;

/** Names of the OSGi service properties through which plugins identify themselves. */
public final class PluginProperties {

    /** Service property: the stable name of an {@link EventCollector}, e.g. {@code log}. */
    public static final String COLLECTOR_NAME = "tracker.collector.name";

    /** Service property: the stable name of an {@link EventPreprocessor}, e.g. {@code privacy}. */
    public static final String PREPROCESSOR_NAME = "tracker.preprocessor.name";

    /**
     * Service property of a collector: the event types it receives, as a comma-separated string or a
     * string array; {@value #ALL_EVENT_TYPES} means every type.
     */
    public static final String EVENT_TYPES = "event.types";

    /** The {@link #EVENT_TYPES} value that attaches a collector to every event type. */
    public static final String ALL_EVENT_TYPES = "*";

    private PluginProperties() {
    }
}

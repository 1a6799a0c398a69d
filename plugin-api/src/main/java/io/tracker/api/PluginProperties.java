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

    /**
     * Service property of a collector: where it starts in the journal the first time it attaches,
     * {@code latest} (events from now on) or {@code earliest} (everything the journal still holds). A
     * collector that was attached before resumes from its cursor instead. Default: the tracker's
     * {@code collector.start.default}.
     *
     * @since 1.1
     */
    public static final String START_POSITION = "start.position";

    /**
     * Service property of a collector: what happens when the journal reaches its disk quota while this
     * collector has not received its oldest events: {@code drop-oldest} (they are dropped for it, counted
     * and logged) or {@code reject} (the tracker refuses new hits with 503 until it catches up). Default:
     * the tracker's {@code collector.overflow.default}.
     *
     * @since 1.1
     */
    public static final String OVERFLOW_POLICY = "overflow.policy";

    private PluginProperties() {
    }
}

package io.tracker.collector.log.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(
        name = "Tracker log collector",
        description = "Writes events as JSON lines, one file per event type: <directory>/<type>.jsonl. "
                + "A factory configuration: each config/io.tracker.collector.log-<name>.cfg runs one instance.")
public @interface LogCollectorConfig {

    @AttributeDefinition(description = "Event types written by this instance, comma-separated, or * for all.")
    String event_types() default "*";

    @AttributeDefinition(description = "Directory of the event files; relative paths are resolved against "
            + "the tracker's home directory.")
    String directory() default "data/events";

    @AttributeDefinition(description = "Name of this collector in logs and the console, and the key of its "
            + "journal cursor: an instance keeps its name across upgrades. Each instance needs its own.")
    String tracker_collector_name() default "log";

    @AttributeDefinition(description = "On the first attach ever: 'earliest' (everything the journal holds) or "
            + "'latest'. Later attaches resume from the cursor.")
    String start_position() default "earliest";

    @AttributeDefinition(description = "When the journal's quota is reached while this collector is behind: "
            + "'drop-oldest' or 'reject' (hits get 503). Default: the tracker's collector.overflow.default.",
            required = false)
    String overflow_policy();
}

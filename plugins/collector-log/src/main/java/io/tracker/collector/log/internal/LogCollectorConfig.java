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

    @AttributeDefinition(description = "Name of this collector in logs and the console.")
    String tracker_collector_name() default "log";
}

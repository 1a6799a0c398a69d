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

    @AttributeDefinition(description = "Name of the active file of each event type, under the directory: {type}, "
            + "{date} (yyyy-MM-dd, UTC), {hour} (HH, UTC) and {node} are replaced; '/' makes sub-folders, e.g. "
            + "{date}/{type}-{node}.jsonl.")
    String file_pattern() default "{type}.jsonl";

    @AttributeDefinition(description = "Roll an active file once it reaches this size, in bytes; 0 for never. "
            + "Rolled files are named <name>-<yyyyMMdd-HHmmss>.jsonl(.gz).")
    long roll_bytes() default 256L * 1024 * 1024;

    @AttributeDefinition(description = "Also roll active files every 'hourly' or 'daily' (UTC), or 'none'.")
    String roll_interval() default "daily";

    @AttributeDefinition(description = "Compress rolled files with gzip.")
    boolean gzip() default true;

    @AttributeDefinition(description = "Force every batch to disk before confirming it (slower; survives power "
            + "loss). Without it a batch reaches the operating system before it is confirmed.")
    boolean fsync() default false;

    @AttributeDefinition(description = "Write only these dimensions and metrics, comma-separated; empty for all.",
            required = false)
    String fields_include();

    @AttributeDefinition(description = "Never write these dimensions and metrics, comma-separated (e.g. ip,uid "
            + "for files handed to third parties).", required = false)
    String fields_exclude();

    @AttributeDefinition(description = "This tracker's name in {node}; default: the host name.", required = false)
    String node();

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

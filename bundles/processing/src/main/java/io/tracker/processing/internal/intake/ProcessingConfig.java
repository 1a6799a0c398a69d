package io.tracker.processing.internal.intake;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(
        name = "Tracker processing",
        description = "The journal every accepted event is written to before its hit is acknowledged, and how "
                + "collectors are fed from it. Relative directories are under the tracker's home. journal.* "
                + "changes take effect at the next start.")
public @interface ProcessingConfig {

    @AttributeDefinition(description = "Folder of the journal's segment files.")
    String journal_directory() default "data/journal";

    @AttributeDefinition(description = "Size at which a journal segment is closed and a new one started, in bytes "
            + "(4096 to 1073741824; the active segment is memory-mapped at this size).")
    long journal_segment_bytes() default 64L * 1024 * 1024;

    @AttributeDefinition(description = "Most disk the journal may use, in bytes; at least twice the segment size. "
            + "When reached, collectors behind are handled by their overflow policy.")
    long journal_quota_bytes() default 1024L * 1024 * 1024;

    @AttributeDefinition(description = "When events are forced to disk: 'interval' (every journal.fsync.interval.ms; "
            + "a process crash loses nothing, a power loss up to the interval) or 'always' (before the hit is "
            + "acknowledged; concurrent hits share one fsync).")
    String journal_fsync() default "interval";

    @AttributeDefinition(description = "For journal.fsync=interval: milliseconds between forces to disk.")
    long journal_fsync_interval_ms() default 100;

    @AttributeDefinition(description = "Folder of the collectors' cursors.")
    String cursor_directory() default "data/cursors";

    @AttributeDefinition(description = "How long the cursor of a removed collector is kept so that a re-install "
            + "resumes, in milliseconds (default 7 days). The journal keeps the events it still needs.")
    long cursor_retention_ms() default 7L * 24 * 3600 * 1000;

    @AttributeDefinition(description = "Where a collector never seen before starts: 'latest' or 'earliest' (all the "
            + "journal holds). A collector's own start.position property wins.")
    String collector_start_default() default "latest";

    @AttributeDefinition(description = "At the quota, for collectors without their own overflow.policy: "
            + "'drop-oldest' (drop their oldest undelivered events, counted and logged; ingestion goes on) or "
            + "'reject' (answer hits 503 with Retry-After until they catch up).")
    String collector_overflow_default() default "drop-oldest";

    @AttributeDefinition(description = "Most events handed to a collector in one call.")
    int dispatch_batch_max_size() default 500;

    @AttributeDefinition(description = "With fewer events at hand than a full batch, how long to wait for more, "
            + "in milliseconds.")
    long dispatch_linger_ms() default 5;

    @AttributeDefinition(description = "Wait after a collector's first failure, in milliseconds; doubles on each "
            + "further failure, with jitter.")
    long dispatch_retry_initial_ms() default 100;

    @AttributeDefinition(description = "Longest wait between attempts at a failed batch, in milliseconds.")
    long dispatch_retry_max_ms() default 30_000;

    @AttributeDefinition(description = "On shutdown, how long collectors may take to catch up with the journal, in "
            + "milliseconds; what they miss is delivered after the next start.")
    long drain_timeout_ms() default 8_000;

    @AttributeDefinition(description = "While a preprocessor an event type needs is being replaced (upgrade), how "
            + "long a hit waits for it before it is refused with 503, in milliseconds.")
    long preprocessor_wait_ms() default 2_000;

    @AttributeDefinition(description = "When a collector is removed or upgraded, how long its current collect() "
            + "may take to return, in milliseconds.")
    long detach_timeout_ms() default 5_000;
}

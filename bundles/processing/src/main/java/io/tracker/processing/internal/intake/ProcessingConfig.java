package io.tracker.processing.internal.intake;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(
        name = "Tracker processing",
        description = "How events are handed to collectors: per-collector backlog, batching, retries and "
                + "the drain on shutdown.")
public @interface ProcessingConfig {

    @AttributeDefinition(description = "Events one collector may fall behind before hits for its event "
            + "types are refused with 503 Retry-After.")
    int dispatch_backlog_capacity() default 100_000;

    @AttributeDefinition(description = "Most events handed to a collector in one call.")
    int dispatch_batch_max_size() default 500;

    @AttributeDefinition(description = "Wait after a collector's first failure, in milliseconds; doubles "
            + "on each further failure.")
    long dispatch_retry_initial_ms() default 100;

    @AttributeDefinition(description = "Longest wait between attempts at a failed batch, in milliseconds.")
    long dispatch_retry_max_ms() default 30_000;

    @AttributeDefinition(description = "On shutdown or when a collector is removed, how long its backlog "
            + "may take to drain, in milliseconds.")
    long drain_timeout_ms() default 10_000;
}

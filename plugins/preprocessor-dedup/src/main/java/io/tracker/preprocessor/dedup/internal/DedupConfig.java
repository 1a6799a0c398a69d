package io.tracker.preprocessor.dedup.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(
        name = "Tracker dedup preprocessor",
        description = "Drops an event whose id was already seen within window.ms, so that a hit retried with the "
                + "same idempotency key counts once. Memory is bounded by max.ids. A factory configuration: each "
                + "config/io.tracker.preprocessor.dedup-<name>.cfg runs one instance with its own memory; event "
                + "types list it by its tracker.preprocessor.name in 'preprocessors'.")
public @interface DedupConfig {

    @AttributeDefinition(description = "Name under which event types list this instance in 'preprocessors'. "
            + "Each instance needs its own.")
    String tracker_preprocessor_name() default "dedup";

    @AttributeDefinition(description = "How long an event id is remembered after it was first seen, in "
            + "milliseconds (default 10 minutes). A repeat within this time is dropped; later it counts again.")
    long window_ms() default 600_000;

    @AttributeDefinition(description = "The most ids remembered at once, 1 to 100,000,000; about 32 bytes of heap "
            + "each (32 MB for the default million). When full, the oldest ids are forgotten first.")
    int max_ids() default 1_000_000;
}

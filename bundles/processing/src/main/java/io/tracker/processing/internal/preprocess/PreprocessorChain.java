package io.tracker.processing.internal.preprocess;

import io.tracker.api.Event;
import io.tracker.api.EventPreprocessor;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs an event through a chain. A preprocessor returning null drops the event on purpose; one that
 * throws is logged and counted and the event goes on unchanged, so a broken enrichment loses no data.
 */
public final class PreprocessorChain {

    private static final Logger LOG = LoggerFactory.getLogger(PreprocessorChain.class);

    private final AtomicLong failures = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();

    /** @return the processed event, or null if a preprocessor dropped it */
    public Event apply(Event event, EventPreprocessor[] chain) {
        Event current = event;
        for (EventPreprocessor preprocessor : chain) {
            try {
                Event next = preprocessor.process(current);
                if (next == null) {
                    dropped.incrementAndGet();
                    return null;
                }
                current = next;
            } catch (RuntimeException e) {
                long count = failures.incrementAndGet();
                if (Long.bitCount(count) == 1) { // 1st, 2nd, 4th, 8th ...: visible without flooding the log
                    LOG.error("Preprocessor {} failed on event {} ({} failures so far); the event goes on unchanged",
                            preprocessor.getClass().getName(), current.id(), count, e);
                }
            }
        }
        return current;
    }

    public long failureCount() {
        return failures.get();
    }

    public long droppedCount() {
        return dropped.get();
    }
}

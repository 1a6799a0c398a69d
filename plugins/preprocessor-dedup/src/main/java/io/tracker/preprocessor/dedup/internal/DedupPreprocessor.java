package io.tracker.preprocessor.dedup.internal;

import io.tracker.api.Event;
import io.tracker.api.EventPreprocessor;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;

/**
 * Passes an event the first time its id is seen within the window and drops the repeats: a client that
 * retries a hit with the same idempotency key (the event's id) is counted once.
 *
 * <p>Thread-safe; see {@link RecentIds} for memory and concurrency. The ids are held in memory only, so they
 * are forgotten when the instance stops (restart, upgrade, configuration change).
 */
final class DedupPreprocessor implements EventPreprocessor {

    private final RecentIds recentIds;
    private final LongAdder dropped = new LongAdder();

    /** @param clockMs a steady clock in milliseconds */
    DedupPreprocessor(DedupSettings settings, LongSupplier clockMs) {
        this.recentIds = new RecentIds(settings.windowMs(), settings.maxIds(), clockMs);
    }

    @Override
    public Event process(Event event) {
        if (recentIds.firstSeen(event.id())) {
            return event;
        }
        dropped.increment();
        return null;
    }

    /** Repeats dropped since the instance started. */
    long droppedCount() {
        return dropped.sum();
    }

    /** Ids remembered now. */
    int rememberedCount() {
        return recentIds.size();
    }
}

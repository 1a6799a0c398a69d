package io.tracker.processing.internal.journal;

import java.util.function.LongSupplier;

/**
 * Wakes readers waiting for the journal's end to reach an offset. Appenders pay for a notify only when
 * a waiter's offset is reached: a reader lingering for a fuller batch is not woken by every record.
 *
 * <p>The waiter publishes itself ({@code waiters}, {@code wakeAt}) before it reads the end; the appender
 * publishes the end before it reads them. With volatiles on both sides, either the waiter sees the new
 * end or the appender sees the waiter; and the waiter holds the monitor from its check until
 * {@code wait} releases it, so the notify cannot fall in between.
 */
final class AppendSignal {

    private volatile int waiters;
    /** The lowest end offset a waiter waits for; {@code Long.MAX_VALUE} when none. */
    private volatile long wakeAt = Long.MAX_VALUE;

    /** @param endOffset the journal's end after an append ({@code Long.MAX_VALUE} wakes everyone) */
    void signal(long endOffset) {
        if (waiters > 0 && endOffset >= wakeAt) {
            synchronized (this) {
                wakeAt = Long.MAX_VALUE;
                notifyAll();
            }
        }
    }

    /** Waits until {@code end} reaches {@code endOffset}, at most {@code timeoutMs}; may return early. */
    void await(long endOffset, LongSupplier end, long timeoutMs) throws InterruptedException {
        synchronized (this) {
            waiters++;
            try {
                if (end.getAsLong() < endOffset) {
                    wakeAt = Math.min(wakeAt, endOffset);
                    if (end.getAsLong() < endOffset) {
                        wait(Math.max(1, timeoutMs));
                    }
                }
            } finally {
                waiters--;
            }
        }
    }
}

package io.tracker.processing.internal.journal;

import java.util.function.BooleanSupplier;

/**
 * Wakes readers waiting for new records. Appenders pay for a notify only while someone waits: the
 * volatile waiter count and the journal's volatile end position are written and read in opposite orders
 * by the two sides, so a reader either sees the new end or is seen waiting.
 */
final class AppendSignal {

    private volatile int waiters;

    void signal() {
        if (waiters > 0) {
            synchronized (this) {
                notifyAll();
            }
        }
    }

    void await(BooleanSupplier ready, long timeoutMs) throws InterruptedException {
        synchronized (this) {
            waiters++;
            try {
                if (!ready.getAsBoolean()) {
                    wait(Math.max(1, timeoutMs));
                }
            } finally {
                waiters--;
            }
        }
    }
}

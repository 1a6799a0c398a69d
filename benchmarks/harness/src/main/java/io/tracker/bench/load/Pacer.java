package io.tracker.bench.load;

import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;

/**
 * The open-loop schedule: request {@code i} is due at {@code start + i / rate} whatever happened before, and
 * the one sending thread waits until then. Used from that single thread only.
 *
 * <p>Waiting parks for long gaps and spins only the last {@link #SPIN_BELOW_NANOS}: Linux wakes a parked
 * thread some 50 µs late, so parking alone would send every request late, while spinning the whole gap
 * would burn a core the server under test needs. When behind, nothing waits: the next request goes at once,
 * so a late sender catches up instead of shifting the schedule.
 */
final class Pacer {

    static final long SPIN_BELOW_NANOS = 50_000;
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final long startNanos;
    private final long ratePerSecond;
    /** How late each send went out compared with its due time, in ns. */
    private final Histogram lateness = new Histogram(LoadHistograms.HIGHEST_TRACKABLE_NANOS, 3);

    Pacer(long startNanos, int ratePerSecond) {
        if (ratePerSecond <= 0) {
            throw new IllegalArgumentException("rate must be positive, was " + ratePerSecond + " requests/s");
        }
        this.startNanos = startNanos;
        this.ratePerSecond = ratePerSecond;
    }

    /** Exact integer arithmetic: no drift over millions of requests. */
    long dueNanos(long index) {
        return startNanos + index * NANOS_PER_SECOND / ratePerSecond;
    }

    /**
     * Returns once {@code dueNanos} has come; records how late that was.
     *
     * @param onWake run each time the thread wakes before then (a park may end early when unparked)
     * @throws InterruptedException when the run is interrupted: the schedule stops there
     */
    void awaitDue(long dueNanos, Runnable onWake) throws InterruptedException {
        long remaining = dueNanos - System.nanoTime();
        while (remaining > 0) {
            // parkNanos returns at once once interrupted; without this check the wait would become a busy spin.
            if (Thread.interrupted()) {
                throw new InterruptedException("open-loop run interrupted " + remaining + " ns before a request was due");
            }
            if (remaining > SPIN_BELOW_NANOS) {
                LockSupport.parkNanos(remaining - SPIN_BELOW_NANOS);
            } else {
                Thread.onSpinWait();
            }
            onWake.run();
            remaining = dueNanos - System.nanoTime();
        }
        lateness.recordValue(LoadHistograms.clamp(-remaining));
    }

    /** Send lateness so far, in ns: how well the generator kept its own schedule. */
    Histogram lateness() {
        return lateness;
    }
}

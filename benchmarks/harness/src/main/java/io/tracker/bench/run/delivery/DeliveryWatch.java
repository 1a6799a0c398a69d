package io.tracker.bench.run.delivery;

import io.tracker.bench.result.Delivery;
import java.io.IOException;
import java.time.Duration;

/**
 * Compares the events a load had acknowledged with the lines that reached the log collector's files.
 * The collector runs behind the acknowledgement (journal first, then the collector's own thread), so
 * after a load it polls until the files hold at least what was acknowledged and stop growing, or stop
 * growing for long, or a bound passes; what is still missing then is reported as lost.
 *
 * <p>Scenarios run one after another against one tracker: each one's events are the growth of the
 * count between its baseline and its end.
 */
public final class DeliveryWatch {

    private static final Duration POLL = Duration.ofMillis(200);
    /** Unchanged this long with everything there: caught up (late answers in flight have landed). */
    private static final Duration QUIET = Duration.ofMillis(600);
    /** Unchanged this long with events missing: given up (longer than rolling a 256 MB file takes). */
    private static final Duration STALL = Duration.ofSeconds(10);
    private static final Duration LIMIT = Duration.ofSeconds(60);

    private final EventLineCounter counter;
    private long expected;
    private long lastSettled = -1;

    /**
     * @param counter                   the tracker's event files
     * @param eventsAcknowledgedAtStart events acknowledged before the first scenario (readiness probes)
     */
    public DeliveryWatch(EventLineCounter counter, long eventsAcknowledgedAtStart) {
        this.counter = counter;
        this.expected = eventsAcknowledgedAtStart;
    }

    /** Waits until the collector caught up with everything acknowledged so far; the count then. */
    public long baseline() throws IOException, InterruptedException {
        long count = counter.count();
        if (count == lastSettled && count >= expected) {
            return count; // nothing moved since the last load settled: no need to wait for quiet again
        }
        return settle(expected);
    }

    /**
     * Waits for the events of a load that started at {@code baseline} to land, and compares.
     *
     * @param acknowledged events the load had acknowledged, warm-up included
     * @param sent         events the load may have delivered at most (acknowledged plus unanswered)
     */
    public Delivery delivered(long baseline, long acknowledged, long sent) throws IOException, InterruptedException {
        long count = settle(baseline + acknowledged);
        expected = count; // what is missing now is reported once, as this load's; the next starts from here
        lastSettled = count;
        return new Delivery(acknowledged, sent, count - baseline);
    }

    private long settle(long atLeast) throws IOException, InterruptedException {
        long start = System.nanoTime();
        long count = counter.count();
        long changedAt = start;
        while (true) {
            long now = System.nanoTime();
            long unchangedNanos = now - changedAt;
            if (count >= atLeast && unchangedNanos >= QUIET.toNanos()) {
                return count;
            }
            if (unchangedNanos >= STALL.toNanos() || now - start >= LIMIT.toNanos()) {
                System.out.printf("  the log collector's files hold %,d events, %,d expected; stopped waiting"
                        + " after %d s%n", count, atLeast, Duration.ofNanos(now - start).toSeconds());
                return count;
            }
            Thread.sleep(POLL.toMillis());
            long next = counter.count();
            if (next != count) {
                count = next;
                changedAt = System.nanoTime();
            }
        }
    }
}

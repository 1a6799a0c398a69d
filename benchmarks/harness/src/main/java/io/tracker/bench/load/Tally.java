package io.tracker.bench.load;

import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import org.eclipse.jetty.client.Result;

/**
 * What came back. Answers arrive on any of the client's threads at once, so everything here is lock-free:
 * adders for the counts and an HdrHistogram {@link Recorder}, whose writers never wait.
 *
 * <p>Every request of the window lands in the latency histogram, failures included with the time they took
 * to fail: leaving timeouts out would hide exactly the stalls the open loop is there to reveal.
 */
final class Tally {

    private final Recorder latencyNanos = new Recorder(LoadHistograms.HIGHEST_TRACKABLE_NANOS, 3);
    private final LongAdder succeeded = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private final LongAdder eventsAcknowledged = new LongAdder();
    private final LongAdder completed = new LongAdder();

    /**
     * A request the client completed, answered or not.
     *
     * @param dueNanos when it was due: its latency counts from then, not from when it left
     * @param recorded whether it belongs to the window (else to the warm-up)
     * @param events   events it carries, acknowledged if it succeeded
     */
    void completed(Result result, long dueNanos, boolean recorded, int events) {
        long latency = System.nanoTime() - dueNanos;
        int status = result.getResponse() == null ? 0 : result.getResponse().getStatus();
        count(!result.isFailed() && status >= 200 && status < 400, latency, recorded, events);
    }

    /** A request that never left: it waited for a connection past its timeout, or the run ended first. */
    void neverSent(long dueNanos, boolean recorded) {
        count(false, System.nanoTime() - dueNanos, recorded, 0);
    }

    private void count(boolean success, long latency, boolean recorded, int events) {
        if (success) {
            eventsAcknowledged.add(events);
        }
        if (recorded) {
            latencyNanos.recordValue(LoadHistograms.clamp(latency));
            (success ? succeeded : failed).increment();
        }
        completed.increment();
    }

    /** Requests of the warm-up and the window completed so far. */
    long completed() {
        return completed.sum();
    }

    long succeeded() {
        return succeeded.sum();
    }

    long failed() {
        return failed.sum();
    }

    long eventsAcknowledged() {
        return eventsAcknowledged.sum();
    }

    /** The window's latencies; call once, when no completion can still arrive. */
    Histogram latencyNanos() {
        return latencyNanos.getIntervalHistogram();
    }
}

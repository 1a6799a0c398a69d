package io.tracker.bench.result;

/**
 * Whether every acknowledged hit became an event at the collector.
 *
 * @param acknowledged events the load generator had acknowledged (2xx/3xx), counting each item of a batch
 * @param sent         events sent, acknowledged or not (an upper bound: requests in flight when the run ended)
 * @param delivered    events found in the log collector's files once the tracker caught up
 */
public record Delivery(long acknowledged, long sent, long delivered) {

    /** Nothing acknowledged is missing, and nothing appeared that was never sent. */
    public boolean complete() {
        return delivered >= acknowledged && delivered <= sent;
    }

    public long lost() {
        return Math.max(0, acknowledged - delivered);
    }
}

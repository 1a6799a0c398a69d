package io.tracker.bench.load;

import org.HdrHistogram.Histogram;

/**
 * What an open-loop run recorded in its window.
 *
 * @param sent            requests due (and sent) in the window
 * @param succeeded       requests of the window answered 2xx or 3xx
 * @param failed          requests of the window answered otherwise, or failed to connect, or timed out
 * @param eventsAcknowledged events carried by every request answered 2xx or 3xx, warm-up included (batch
 *                        items counted one by one): what the target's collector must hold afterwards
 * @param eventsSent      events carried by every request sent, warm-up included (an upper bound)
 * @param seconds         length of the window
 * @param latencyNanos    latency from the intended send time to the complete response, in nanoseconds
 */
public record LatencyRun(long sent, long succeeded, long failed, long eventsAcknowledged, long eventsSent,
                         double seconds, Histogram latencyNanos) {
}

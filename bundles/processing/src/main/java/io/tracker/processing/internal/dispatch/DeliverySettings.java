package io.tracker.processing.internal.dispatch;

/**
 * How collectors are fed from the journal.
 *
 * @param dispatch          batching and retries of each dispatcher
 * @param detachTimeoutMs   how long a leaving collector may take to return from {@code collect}
 * @param cursorRetentionMs how long the cursor of a removed collector is kept for its re-install
 * @param defaultStart      where a collector never seen before starts
 * @param defaultOverflow   what a collector without its own policy gets when the quota is reached
 */
public record DeliverySettings(DispatchSettings dispatch, long detachTimeoutMs, long cursorRetentionMs,
                               Deliveries.StartPosition defaultStart, Deliveries.OverflowPolicy defaultOverflow) {
}

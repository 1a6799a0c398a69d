package io.tracker.processing.internal.dispatch;

/**
 * How a dispatcher batches and retries.
 *
 * @param maxBatchSize most events handed to one {@code collect} call
 * @param lingerMs     with fewer events than that at hand, how long to wait once for more
 * @param backoff      wait between attempts at a failed batch
 */
public record DispatchSettings(int maxBatchSize, long lingerMs, RetryBackoff backoff) {

    public DispatchSettings {
        if (maxBatchSize < 1 || lingerMs < 0) {
            throw new IllegalArgumentException("dispatch.batch.max.size must be positive and dispatch.linger.ms "
                    + "not negative, got " + maxBatchSize + " and " + lingerMs);
        }
    }
}

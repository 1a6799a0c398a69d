package io.tracker.processing.internal.dispatch;

/**
 * How a dispatcher batches and retries.
 *
 * @param backlogCapacity events a collector may fall behind before hits are refused with 503
 * @param maxBatchSize    most events handed to one {@code collect} call
 * @param backoff         wait between attempts at a failed batch
 */
public record DispatchSettings(int backlogCapacity, int maxBatchSize, RetryBackoff backoff) {

    public DispatchSettings {
        if (backlogCapacity < 1 || maxBatchSize < 1) {
            throw new IllegalArgumentException("backlogCapacity and maxBatchSize must be positive, got "
                    + backlogCapacity + " and " + maxBatchSize);
        }
    }
}

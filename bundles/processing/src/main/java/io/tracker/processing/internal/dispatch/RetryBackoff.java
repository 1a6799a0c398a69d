package io.tracker.processing.internal.dispatch;

import java.util.function.DoubleSupplier;

/**
 * Capped exponential backoff with "equal jitter": the wait after the n-th consecutive failure is
 * between half and all of {@code min(maxMs, initialMs * 2^(n-1))}, so a recovering collector is not hit
 * by every retry at once and the wait never drops to nothing.
 */
public final class RetryBackoff {

    private final long initialMs;
    private final long maxMs;
    private final DoubleSupplier random;

    /**
     * @param initialMs wait after the first failure, at least 1
     * @param maxMs     upper bound of any wait, at least {@code initialMs}
     * @param random    values in [0, 1)
     */
    public RetryBackoff(long initialMs, long maxMs, DoubleSupplier random) {
        if (initialMs < 1 || maxMs < initialMs) {
            throw new IllegalArgumentException("need 1 <= initialMs <= maxMs, got " + initialMs + " and " + maxMs);
        }
        this.initialMs = initialMs;
        this.maxMs = maxMs;
        this.random = random;
    }

    /** @param failures consecutive failures so far, at least 1 */
    public long delayMs(int failures) {
        int doublings = Math.min(Math.max(failures, 1) - 1, 62);
        long ceiling = initialMs << doublings;
        if (ceiling <= 0 || ceiling > maxMs || (ceiling >> doublings) != initialMs) {
            ceiling = maxMs;
        }
        long half = ceiling / 2;
        long delay = half + (long) (random.getAsDouble() * (ceiling - half + 1));
        return Math.max(1, Math.min(delay, ceiling)); // never 0: Object.wait(0) would wait forever
    }
}

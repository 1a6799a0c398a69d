package io.tracker.processing.internal.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RetryBackoffTest {

    /** The largest value below 1 a random source may return. */
    private static final double ALMOST_ONE = Math.nextDown(1.0);

    private static RetryBackoff lowest(long initialMs, long maxMs) {
        return new RetryBackoff(initialMs, maxMs, () -> 0.0);
    }

    private static RetryBackoff highest(long initialMs, long maxMs) {
        return new RetryBackoff(initialMs, maxMs, () -> ALMOST_ONE);
    }

    @Test
    void waitsHalfTheCeilingWhenRandomIsZero() {
        RetryBackoff backoff = lowest(100, 1_000);

        assertThat(backoff.delayMs(1)).isEqualTo(50);
        assertThat(backoff.delayMs(2)).isEqualTo(100);
        assertThat(backoff.delayMs(3)).isEqualTo(200);
        assertThat(backoff.delayMs(4)).isEqualTo(400);
        assertThat(backoff.delayMs(5)).isEqualTo(500);
    }

    @Test
    void waitsTheWholeCeilingWhenRandomIsAlmostOne() {
        RetryBackoff backoff = highest(100, 1_000);

        assertThat(backoff.delayMs(1)).isEqualTo(100);
        assertThat(backoff.delayMs(2)).isEqualTo(200);
        assertThat(backoff.delayMs(3)).isEqualTo(400);
        assertThat(backoff.delayMs(4)).isEqualTo(800);
        assertThat(backoff.delayMs(5)).isEqualTo(1_000);
    }

    @Test
    void staysCappedAtTheMaximumForEveryLaterFailure() {
        RetryBackoff low = lowest(100, 1_000);
        RetryBackoff high = highest(100, 1_000);

        for (int failures = 5; failures < 200; failures++) {
            assertThat(low.delayMs(failures)).isEqualTo(500);
            assertThat(high.delayMs(failures)).isEqualTo(1_000);
        }
    }

    @Test
    void neverExceedsAnUnevenMaximum() {
        RetryBackoff backoff = highest(3, 7);

        assertThat(backoff.delayMs(1)).isEqualTo(3);
        assertThat(backoff.delayMs(2)).isEqualTo(6);
        assertThat(backoff.delayMs(3)).isEqualTo(7);
        assertThat(lowest(3, 7).delayMs(3)).isEqualTo(3);
    }

    @Test
    void treatsZeroOrNegativeFailuresAsTheFirst() {
        RetryBackoff backoff = lowest(100, 1_000);

        assertThat(backoff.delayMs(0)).isEqualTo(50);
        assertThat(backoff.delayMs(-5)).isEqualTo(50);
        assertThat(backoff.delayMs(Integer.MIN_VALUE)).isEqualTo(50);
    }

    @ParameterizedTest
    @CsvSource({"1", "3", "5", "7", "1000"})
    void hugeFailureCountsDoNotOverflow(long initialMs) {
        RetryBackoff low = lowest(initialMs, Long.MAX_VALUE);
        RetryBackoff high = highest(initialMs, Long.MAX_VALUE);

        long previous = 0;
        for (int failures = 1; failures <= 200; failures++) {
            long delay = low.delayMs(failures);
            assertThat(delay).as("delay after %d failures", failures).isGreaterThanOrEqualTo(previous);
            assertThat(high.delayMs(failures)).as("delay after %d failures", failures).isPositive();
            previous = delay;
        }
        assertThat(low.delayMs(Integer.MAX_VALUE)).isGreaterThanOrEqualTo(previous);
        assertThat(high.delayMs(Integer.MAX_VALUE)).isPositive();
    }

    @Test
    void hugeFailureCountsWithAnOrdinaryMaximumWaitTheMaximum() {
        assertThat(highest(100, 30_000).delayMs(Integer.MAX_VALUE)).isEqualTo(30_000);
        assertThat(lowest(100, 30_000).delayMs(Integer.MAX_VALUE)).isEqualTo(15_000);
    }

    @Test
    void allowsEqualInitialAndMaximum() {
        assertThat(highest(20, 20).delayMs(10)).isEqualTo(20);
        assertThat(lowest(20, 20).delayMs(1)).isEqualTo(10);
    }

    @Test
    void rejectsAnInitialWaitBelowOne() {
        assertThatThrownBy(() -> lowest(0, 100)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> lowest(-1, 100)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsAMaximumBelowTheInitialWait() {
        assertThatThrownBy(() -> lowest(100, 99))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("100")
                .hasMessageContaining("99");
    }

    @Test
    void neverWaitsNothingEvenWithAOneMillisecondCeiling() {
        assertThat(lowest(1, 1).delayMs(1)).isPositive();
        assertThat(lowest(1, 1_000).delayMs(1)).isPositive();
    }
}

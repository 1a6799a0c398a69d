package io.tracker.bench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PacerTest {

    @Test
    void dueTimesFollowTheRateWithoutDrift() {
        Pacer pacer = new Pacer(1_000, 3);

        assertThat(pacer.dueNanos(0)).isEqualTo(1_000);
        assertThat(pacer.dueNanos(1)).isEqualTo(1_000 + 333_333_333);
        assertThat(pacer.dueNanos(3)).isEqualTo(1_000 + 1_000_000_000);
        assertThat(pacer.dueNanos(3_000_000)).isEqualTo(1_000 + 1_000_000_000_000_000L);
    }

    @Test
    void doesNotWaitForWhatIsAlreadyDue() throws InterruptedException {
        Pacer pacer = new Pacer(System.nanoTime(), 1);
        long past = System.nanoTime() - 5_000_000;

        long before = System.nanoTime();
        pacer.awaitDue(past, () -> { });

        assertThat(System.nanoTime() - before).isLessThan(5_000_000);
        assertThat(pacer.lateness().getMaxValue()).isGreaterThanOrEqualTo(4_900_000);
    }

    @Test
    void stopsWaitingWhenInterrupted() {
        Pacer pacer = new Pacer(System.nanoTime(), 1);

        Thread.currentThread().interrupt();

        assertThatThrownBy(() -> pacer.awaitDue(System.nanoTime() + 60_000_000_000L, () -> { }))
                .isInstanceOf(InterruptedException.class);
    }
}

package io.tracker.processing.internal.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DispatchSettingsTest {

    private static final RetryBackoff BACKOFF = new RetryBackoff(1, 2, () -> 0.0);

    @Test
    void acceptsTheSmallestPositiveValues() {
        DispatchSettings settings = new DispatchSettings(1, 1, BACKOFF);

        assertThat(settings.backlogCapacity()).isEqualTo(1);
        assertThat(settings.maxBatchSize()).isEqualTo(1);
        assertThat(settings.backoff()).isSameAs(BACKOFF);
    }

    @Test
    void rejectsANonPositiveBacklogCapacityOrBatchSize() {
        assertThatThrownBy(() -> new DispatchSettings(0, 10, BACKOFF)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DispatchSettings(10, 0, BACKOFF)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DispatchSettings(-1, -1, BACKOFF)).isInstanceOf(IllegalArgumentException.class);
    }
}

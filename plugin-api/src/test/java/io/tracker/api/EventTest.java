package io.tracker.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class EventTest {

    private static final Instant NOW = Instant.parse("2026-11-28T10:15:30.123Z");

    @Test
    void keepsDimensionsAndMetricsInInsertionOrder() {
        Event event = Event.builder("e1", "impression", NOW)
                .dimension("cid", "42").dimension("crid", "7").dimension("a", "x")
                .metric("price", 1.5).metric("count", 1L)
                .build();

        assertThat(event.dimensions()).containsExactly(
                entry("cid", "42"), entry("crid", "7"), entry("a", "x"));
        assertThat(event.metrics().keySet()).containsExactly("price", "count");
    }

    @Test
    void isImmutable() {
        Event event = Event.builder("e1", "click", NOW).dimension("cid", "42").build();

        assertThatThrownBy(() -> event.dimensions().put("x", "y")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> event.metrics().put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void toBuilderDerivesAChangedCopyWithoutTouchingTheOriginal() {
        Event original = Event.builder("e1", "click", NOW).dimension("ip", "1.2.3.4").dimension("cid", "9").build();

        Event changed = original.toBuilder().dimension("ip", null).dimension("bot", "false").build();

        assertThat(original.dimensions()).containsOnlyKeys("ip", "cid");
        assertThat(changed.dimensions()).containsExactly(entry("cid", "9"), entry("bot", "false"));
        assertThat(changed.id()).isEqualTo("e1");
        assertThat(changed).isNotEqualTo(original);
        assertThat(original.toBuilder().build()).isEqualTo(original).hasSameHashCodeAs(original);
    }

    @Test
    void rejectsMissingIdentity() {
        assertThatThrownBy(() -> Event.builder("", "click", NOW)).hasMessageContaining("id");
        assertThatThrownBy(() -> Event.builder("e1", "", NOW)).hasMessageContaining("type");
        assertThatThrownBy(() -> Event.builder("e1", "click", null)).hasMessageContaining("timestamp");
    }

    private static java.util.Map.Entry<String, String> entry(String key, String value) {
        return java.util.Map.entry(key, value);
    }
}

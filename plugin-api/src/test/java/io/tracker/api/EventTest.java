package io.tracker.api;

import java.util.Map;

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

    @Test
    void aBuilderChangedAfterBuildingLeavesTheBuiltEventAsItWas() {
        Event.Builder builder = Event.builder("e-1", "click", Instant.EPOCH).dimension("cid", "42").metric("cpc", 5L);
        Event first = builder.build();

        Event second = builder.dimension("cid", "43").dimension("site", "s").metric("cpc", null).build();

        assertThat(first.dimensions()).containsExactly(Map.entry("cid", "42"));
        assertThat(first.metrics()).containsExactly(Map.entry("cpc", 5L));
        assertThat(second.dimensions()).containsExactly(Map.entry("cid", "43"), Map.entry("site", "s"));
        assertThat(second.metrics()).isEmpty();
    }

    @Test
    void aDerivedEventLeavesItsOriginalAsItWasAndKeepsTheOrder() {
        Event original = Event.builder("e-1", "click", Instant.EPOCH).dimension("a", "1").dimension("b", "2")
                .metric("m", 1L).build();
        Event.Builder derive = original.toBuilder();

        Event derived = derive.dimension("a", "changed").dimension("c", "3").build();
        Event again = derive.dimension("b", null).metric("n", 2L).build();

        assertThat(original.dimensions()).containsExactly(Map.entry("a", "1"), Map.entry("b", "2"));
        assertThat(original.metrics()).containsExactly(Map.entry("m", 1L));
        assertThat(derived.dimensions()).containsExactly(Map.entry("a", "changed"), Map.entry("b", "2"),
                Map.entry("c", "3"));
        assertThat(derived.metrics()).containsExactly(Map.entry("m", 1L));
        assertThat(again.dimensions()).containsExactly(Map.entry("a", "changed"), Map.entry("c", "3"));
        assertThat(again.metrics()).containsExactly(Map.entry("m", 1L), Map.entry("n", 2L));
        assertThat(original.toBuilder().build()).isEqualTo(original);
    }

    @Test
    void theMapsOfAnEventCannotBeChanged() {
        Event event = Event.builder("e-1", "click", Instant.EPOCH).dimension("a", "1").build().toBuilder().build();

        assertThatThrownBy(() -> event.dimensions().put("b", "2")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> event.metrics().put("m", 1L)).isInstanceOf(UnsupportedOperationException.class);
    }
}

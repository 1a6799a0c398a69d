package io.tracker.processing.internal.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.tracker.api.Event;
import io.tracker.processing.internal.eventtype.DimensionRule;
import io.tracker.processing.internal.eventtype.EventTypeDefinition;
import io.tracker.processing.spi.Hit;
import io.tracker.processing.spi.ResponseKind;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EventFactoryTest {

    private static final Instant NOW = Instant.parse("2026-03-01T10:15:30.123Z");

    private final EventFactory factory = new EventFactory(Clock.fixed(NOW, ZoneOffset.UTC));

    private static final EventTypeDefinition IMPRESSION = new EventTypeDefinition("impression", "/i",
            Set.of("GET"), ResponseKind.PIXEL, "url", List.of(
                    new DimensionRule("cid", "cid"),
                    new DimensionRule("creative", "crid"),
                    new DimensionRule("site", "s")));

    private static Hit hit(Map<String, String> query) {
        return query::get;
    }

    @Test
    void setsIdTypeAndTimestamp() {
        Event event = factory.build(IMPRESSION, hit(Map.of()));

        assertThat(event.type()).isEqualTo("impression");
        assertThat(event.timestamp()).isEqualTo(NOW);
        UUID id = UUID.fromString(event.id());
        assertThat(id.version()).isEqualTo(7);
        assertThat(id.getMostSignificantBits() >>> 16).isEqualTo(NOW.toEpochMilli());
        assertThat(event.metrics()).isEmpty();
    }

    @Test
    void givesEveryEventItsOwnId() {
        Event first = factory.build(IMPRESSION, hit(Map.of()));
        Event second = factory.build(IMPRESSION, hit(Map.of()));

        assertThat(first.id()).isNotEqualTo(second.id());
    }

    @Test
    void readsDimensionsFromTheirQueryParametersInRuleOrder() {
        Event event = factory.build(IMPRESSION, hit(Map.of("s", "news", "crid", "7", "cid", "42", "other", "x")));

        assertThat(event.dimensions()).containsExactly(
                entry("cid", "42"), entry("creative", "7"), entry("site", "news"));
    }

    @Test
    void skipsMissingAndEmptyParameters() {
        Event event = factory.build(IMPRESSION, hit(Map.of("cid", "", "s", "news")));

        assertThat(event.dimensions()).containsExactly(entry("site", "news"));
    }

    @Test
    void keepsAValueOfExactly1024Characters() {
        String value = "v".repeat(1024);

        Event event = factory.build(IMPRESSION, hit(Map.of("cid", value)));

        assertThat(event.dimensions()).containsEntry("cid", value);
    }

    @Test
    void cutsLongerValuesTo1024Characters() {
        Map<String, String> query = new HashMap<>();
        query.put("cid", "a".repeat(1024) + "TAIL");
        query.put("crid", "b".repeat(100_000));

        Event event = factory.build(IMPRESSION, hit(query));

        assertThat(event.dimensions().get("cid")).isEqualTo("a".repeat(1024));
        assertThat(event.dimensions().get("creative")).hasSize(1024);
    }
}

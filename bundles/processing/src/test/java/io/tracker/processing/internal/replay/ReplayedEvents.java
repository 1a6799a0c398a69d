package io.tracker.processing.internal.replay;

import static org.assertj.core.api.Assertions.assertThat;

import io.tracker.api.Event;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Events for the replay tests, and the comparison a re-ingested event must pass. */
final class ReplayedEvents {

    static final Instant T0 = Instant.parse("2026-11-28T10:15:30.123Z");

    private ReplayedEvents() {
    }

    /** Event {@code n}: id {@code r-n}, a couple of dimensions and integer and decimal metrics. */
    static Event event(int n) {
        return Event.builder("r-" + n, n % 2 == 0 ? "impression" : "click", T0.plusMillis(n))
                .dimension("cid", Integer.toString(40 + n))
                .dimension("crid", "7")
                .metric("n", (long) n)
                .metric("price", new BigDecimal("1.25"))
                .build();
    }

    static List<Event> events(int from, int to) {
        return java.util.stream.IntStream.range(from, to).mapToObj(ReplayedEvents::event).toList();
    }

    static List<String> ids(int from, int to) {
        return java.util.stream.IntStream.range(from, to).mapToObj(n -> "r-" + n).toList();
    }

    /**
     * The replayed event equals the original apart from the Java types of metric numbers (an Integer comes
     * back as a Long, a Double as a BigDecimal): same id, type, timestamp, dimensions in order, and metrics
     * with the same names in order and numerically equal values.
     */
    static void assertSameApartFromNumberTypes(Event replayed, Event original) {
        assertThat(replayed.id()).isEqualTo(original.id());
        assertThat(replayed.type()).isEqualTo(original.type());
        assertThat(replayed.timestamp()).isEqualTo(original.timestamp());
        assertThat(replayed.dimensions()).containsExactlyEntriesOf(original.dimensions());
        assertThat(replayed.metrics().keySet()).containsExactlyElementsOf(original.metrics().keySet());
        for (Map.Entry<String, Number> metric : original.metrics().entrySet()) {
            Number back = replayed.metrics().get(metric.getKey());
            assertThat(decimal(back)).as("metric %s: %s came back as %s", metric.getKey(), metric.getValue(), back)
                    .isEqualByComparingTo(decimal(metric.getValue()));
        }
    }

    private static BigDecimal decimal(Number value) {
        return new BigDecimal(value.toString());
    }
}

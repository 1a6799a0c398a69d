package io.tracker.processing.internal.replay;

import static io.tracker.processing.internal.replay.ReplayedEvents.assertSameApartFromNumberTypes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import io.tracker.api.Event;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class EventLinesTest {

    private static final String LINE = "{\"id\":\"e1\",\"type\":\"impression\",\"timestamp\":\"2026-11-28T10:15:30.123Z\","
            + "\"dimensions\":{\"cid\":\"42\",\"crid\":\"7\"},\"metrics\":{\"n\":3,\"price\":1.25}}";

    @Test
    void parsesALineAsTheLogCollectorWritesIt() {
        Event event = EventLines.parse(LINE);

        assertThat(event.id()).isEqualTo("e1");
        assertThat(event.type()).isEqualTo("impression");
        assertThat(event.timestamp()).isEqualTo(Instant.parse("2026-11-28T10:15:30.123Z"));
        assertThat(event.dimensions()).containsExactly(entry("cid", "42"), entry("crid", "7"));
        assertThat(event.metrics()).containsOnlyKeys("n", "price");
        assertThat(event.metrics().keySet()).containsExactly("n", "price");
        assertThat(event.metrics().get("n")).isInstanceOf(Long.class).isEqualTo(3L);
        assertThat(event.metrics().get("price")).isInstanceOf(BigDecimal.class).isEqualTo(new BigDecimal("1.25"));
    }

    @Test
    void dimensionsKeepTheLineOrderNotAlphabetical() {
        Event event = EventLines.parse("{\"id\":\"e1\",\"type\":\"t\",\"timestamp\":\"2026-11-28T10:15:30Z\","
                + "\"dimensions\":{\"z\":\"1\",\"a\":\"2\",\"m\":\"3\"},\"metrics\":{\"y\":1,\"b\":2}}");

        assertThat(event.dimensions().keySet()).containsExactly("z", "a", "m");
        assertThat(event.metrics().keySet()).containsExactly("y", "b");
    }

    @Test
    void fieldOrderInTheLineDoesNotMatter() {
        Event event = EventLines.parse("{\"metrics\":{\"n\":3},\"dimensions\":{\"cid\":\"42\"},"
                + "\"timestamp\":\"2026-11-28T10:15:30.123Z\",\"type\":\"click\",\"id\":\"e9\"}");

        assertThat(event.id()).isEqualTo("e9");
        assertThat(event.type()).isEqualTo("click");
        assertThat(event.dimensions()).containsExactly(entry("cid", "42"));
        assertThat(event.metrics()).containsExactly(entry("n", 3L));
    }

    @Test
    void dimensionsAndMetricsMayBeMissing() {
        Event event = EventLines.parse("{\"id\":\"e1\",\"type\":\"impression\",\"timestamp\":\"2026-11-28T10:15:30Z\"}");

        assertThat(event.id()).isEqualTo("e1");
        assertThat(event.dimensions()).isEmpty();
        assertThat(event.metrics()).isEmpty();
    }

    @Test
    void unknownFieldsAreIgnoredWhateverTheirShape() {
        Event event = EventLines.parse("{\"v\":2,\"id\":\"e1\",\"host\":{\"name\":\"a\",\"tags\":[\"x\",{\"y\":[1,2]}],"
                + "\"id\":\"not-this\"},\"type\":\"impression\",\"extra\":[1,[2,3],{\"type\":\"not-this\"}],"
                + "\"timestamp\":\"2026-11-28T10:15:30.123Z\",\"flag\":true,\"nothing\":null,"
                + "\"dimensions\":{\"cid\":\"42\",\"crid\":\"7\"},\"metrics\":{\"n\":3,\"price\":1.25},"
                + "\"trailer\":{\"dimensions\":{\"cid\":\"0\"}}}");

        assertThat(event).isEqualTo(EventLines.parse(LINE));
    }

    static Stream<Arguments> badLines() {
        String ts = "\"timestamp\":\"2026-11-28T10:15:30.123Z\"";
        return Stream.of(
                Arguments.of("missing id", "{\"type\":\"impression\"," + ts + "}"),
                Arguments.of("missing type", "{\"id\":\"e1\"," + ts + "}"),
                Arguments.of("missing timestamp", "{\"id\":\"e1\",\"type\":\"impression\"}"),
                Arguments.of("empty id", "{\"id\":\"\",\"type\":\"impression\"," + ts + "}"),
                Arguments.of("null id", "{\"id\":null,\"type\":\"impression\"," + ts + "}"),
                Arguments.of("empty type", "{\"id\":\"e1\",\"type\":\"\"," + ts + "}"),
                Arguments.of("bad timestamp", "{\"id\":\"e1\",\"type\":\"impression\",\"timestamp\":\"yesterday\"}"),
                Arguments.of("timestamp without zone",
                        "{\"id\":\"e1\",\"type\":\"impression\",\"timestamp\":\"2026-11-28T10:15:30\"}"),
                Arguments.of("numeric timestamp", "{\"id\":\"e1\",\"type\":\"impression\",\"timestamp\":1796120130}"),
                Arguments.of("dimensions a string",
                        "{\"id\":\"e1\",\"type\":\"impression\"," + ts + ",\"dimensions\":\"cid=42\"}"),
                Arguments.of("dimensions an array",
                        "{\"id\":\"e1\",\"type\":\"impression\"," + ts + ",\"dimensions\":[\"42\"]}"),
                Arguments.of("dimensions null",
                        "{\"id\":\"e1\",\"type\":\"impression\"," + ts + ",\"dimensions\":null}"),
                Arguments.of("metrics an array", "{\"id\":\"e1\",\"type\":\"impression\"," + ts + ",\"metrics\":[3]}"),
                Arguments.of("metric not a number",
                        "{\"id\":\"e1\",\"type\":\"impression\"," + ts + ",\"metrics\":{\"n\":\"three\"}}"),
                Arguments.of("garbage", "this is not json"),
                Arguments.of("half a line", "{\"id\":\"e1\",\"type\":\"impression\"," + ts),
                Arguments.of("an array", "[\"e1\",\"impression\"]"),
                Arguments.of("a number", "42"),
                Arguments.of("empty text", ""),
                Arguments.of("empty object", "{}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badLines")
    void rejectsLinesThatAreNotEvents(String what, String line) {
        assertThatThrownBy(() -> EventLines.parse(line))
                .as(what)
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theMessageSaysWhatIsMissingOrWrong() {
        assertThatThrownBy(() -> EventLines.parse("{\"id\":\"e1\",\"type\":\"impression\"}"))
                .hasMessageContaining("timestamp");
        assertThatThrownBy(() -> EventLines.parse("{\"id\":\"e1\",\"type\":\"t\",\"timestamp\":\"2026-11-28T10:15:30Z\","
                + "\"dimensions\":[]}"))
                .hasMessageContaining("dimensions");
    }

    @Test
    void readsBackWhatTheLogCollectorWrote() {
        Event original = Event.builder("0190b3c4-7e2a-7000-8000-000000000001", "video_quartile",
                        Instant.parse("2026-11-28T23:59:59.987654321Z"))
                .dimension("cid", "42")
                .dimension("url", "https://example.com/a?b=1&c=\"2\"")
                .dimension("ua", "Mozilla/5.0 (X11; Linux x86_64) \\ \u00e9\u00e8 \u65e5\u672c \uD83D\uDE00")
                .dimension("multi", "line one\nline two\ttab")
                .dimension("empty", "")
                .metric("long", Long.MAX_VALUE)
                .metric("negative", Long.MIN_VALUE)
                .metric("int", 7)
                .metric("short", (short) 3)
                .metric("byte", (byte) -1)
                .metric("decimal", new BigDecimal("1.25"))
                .metric("exponent", new BigDecimal("1E+3"))
                .metric("tiny", new BigDecimal("0.000000001"))
                .metric("integral decimal", new BigDecimal("12"))
                .metric("small big integer", BigInteger.valueOf(123456789L))
                .metric("double", 0.1d)
                .metric("float", 2.5f)
                .metric("huge double", 1.0e300)
                .metric("small double", -4.9e-324)
                .build();
        String line = CollectorLines.line(original);
        assertThat(line).doesNotContain("\n");

        assertSameApartFromNumberTypes(EventLines.parse(line), original);
    }

    @Test
    void readsBackAnEventWithoutDimensionsOrMetrics() {
        Event original = Event.builder("e1", "click", Instant.parse("2026-11-28T10:15:30Z")).build();

        assertThat(EventLines.parse(CollectorLines.line(original))).isEqualTo(original);
    }

    @Test
    void readsBackIntegralMetricsBeyondTheLongRange() {
        Event original = Event.builder("e1", "conversion", Instant.parse("2026-11-28T10:15:30Z"))
                .metric("wei", BigInteger.TWO.pow(70))
                .metric("big integral decimal", new BigDecimal("123456789012345678901234567890"))
                .build();

        assertSameApartFromNumberTypes(EventLines.parse(CollectorLines.line(original)), original);
    }

    @Test
    void readsBackNonFiniteDoubleMetrics() {
        Event original = Event.builder("e1", "impression", Instant.parse("2026-11-28T10:15:30Z"))
                .dimension("cid", "42")
                .metric("ratio", Double.NaN)
                .metric("rate", Double.POSITIVE_INFINITY)
                .build();

        Event back = EventLines.parse(CollectorLines.line(original));

        assertThat(back.id()).isEqualTo("e1");
        assertThat(back.dimensions()).isEqualTo(original.dimensions());
        assertThat(back.metrics().get("ratio").doubleValue()).isNaN();
        assertThat(back.metrics().get("rate").doubleValue()).isEqualTo(Double.POSITIVE_INFINITY);
    }
}

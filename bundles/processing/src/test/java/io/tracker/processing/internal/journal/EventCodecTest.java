package io.tracker.processing.internal.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import io.tracker.api.Event;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.BufferOverflowException;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventCodecTest {

    private static final Instant WHEN = Instant.parse("2026-11-28T10:15:30.123456789Z");

    private static Event roundTrip(Event event) {
        ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
        EventCodec.encode(event, buffer);
        buffer.flip();
        Event decoded = EventCodec.decode(buffer);
        assertThat(buffer.hasRemaining()).as("decode consumes exactly what encode wrote").isFalse();
        return decoded;
    }

    @Test
    void roundTripsIdTypeTimestampAndDimensionsInOrder() {
        Event event = Event.builder("0190f5a4-1111-7abc-8def-123456789abc", "impression", WHEN)
                .dimension("cid", "42")
                .dimension("site", "news.example")
                .dimension("empty", "")
                .dimension("a", "1")
                .build();

        Event decoded = roundTrip(event);

        assertThat(decoded).isEqualTo(event);
        assertThat(decoded.dimensions().keySet()).containsExactly("cid", "site", "empty", "a");
    }

    @Test
    void roundTripsAnEventWithoutDimensionsOrMetrics() {
        Event event = Event.builder("id", "click", WHEN).build();

        Event decoded = roundTrip(event);

        assertThat(decoded).isEqualTo(event);
        assertThat(decoded.dimensions()).isEmpty();
        assertThat(decoded.metrics()).isEmpty();
    }

    @Test
    void roundTripsUnicodeInEveryString() {
        Event event = Event.builder("ïd-😀", "vidéo_quartile", WHEN)
                .dimension("страна", "Україна")
                .dimension("emoji 🚀", "日本語テキスト")
                .dimension("zero\u0000byte", "tab\tnewline\n")
                .metric("größe", 7L)
                .build();

        assertThat(roundTrip(event)).isEqualTo(event);
    }

    @Test
    void roundTripsLongDoubleAndExactDecimals() {
        Event event = Event.builder("id", "conversion", WHEN)
                .metric("long", Long.MAX_VALUE)
                .metric("negative", Long.MIN_VALUE)
                .metric("double", 0.1 + 0.2)
                .metric("nan", Double.NaN)
                .metric("negativeZero", -0.0)
                .metric("price", new BigDecimal("0.10"))
                .metric("tiny", new BigDecimal("1.000000000000000000000000000001"))
                .metric("exponent", new BigDecimal("1E+3"))
                .metric("huge", new BigInteger("123456789012345678901234567890"))
                .build();

        Event decoded = roundTrip(event);

        assertThat(decoded).isEqualTo(event);
        assertThat(decoded.metrics()).containsExactly(
                entry("long", Long.MAX_VALUE),
                entry("negative", Long.MIN_VALUE),
                entry("double", 0.1 + 0.2),
                entry("nan", Double.NaN),
                entry("negativeZero", -0.0),
                entry("price", new BigDecimal("0.10")),
                entry("tiny", new BigDecimal("1.000000000000000000000000000001")),
                entry("exponent", new BigDecimal("1E+3")),
                entry("huge", new BigInteger("123456789012345678901234567890")));
        BigDecimal price = (BigDecimal) decoded.metrics().get("price");
        assertThat(price.scale()).as("the scale survives: 0.10 stays 0.10, not 0.1").isEqualTo(2);
    }

    @Test
    void roundTripsIntegralMetricsAsLongsOfTheSameValue() {
        Event event = Event.builder("id", "conversion", WHEN)
                .metric("int", Integer.MIN_VALUE)
                .metric("short", (short) -12)
                .metric("byte", (byte) 7)
                .build();

        Event decoded = roundTrip(event);

        // the format has one integral kind: smaller integers come back widened to long
        assertThat(decoded.metrics()).containsExactly(
                entry("int", (long) Integer.MIN_VALUE), entry("short", -12L), entry("byte", 7L));
    }

    @Test
    void keepsNanosecondTimestampsAndTimesBeforeTheEpoch() {
        for (Instant time : List.of(WHEN, Instant.ofEpochSecond(0, 1), Instant.ofEpochSecond(-1, 999_999_999),
                Instant.parse("1900-01-01T00:00:00.000000001Z"), Instant.parse("9999-12-31T23:59:59.999999999Z"))) {
            Event event = Event.builder("id", "t", time).build();

            assertThat(roundTrip(event).timestamp()).isEqualTo(time);
        }
    }

    @Test
    void peekTypeReadsTheTypeWithoutConsumingTheBuffer() {
        Event event = Event.builder("some-id", "video_quartile", WHEN).dimension("q", "3").build();
        ByteBuffer buffer = ByteBuffer.allocate(1024);
        EventCodec.encode(event, buffer);
        buffer.flip();
        int position = buffer.position();
        int limit = buffer.limit();

        assertThat(EventCodec.peekType(buffer)).isEqualTo("video_quartile");
        assertThat(EventCodec.peekType(buffer)).isEqualTo("video_quartile");

        assertThat(buffer.position()).isEqualTo(position);
        assertThat(buffer.limit()).isEqualTo(limit);
        assertThat(EventCodec.decode(buffer)).isEqualTo(event);
    }

    @Test
    void peekTypeWorksOnABufferThatDoesNotStartAtZero() {
        Event event = Event.builder("id", "click", WHEN).build();
        ByteBuffer buffer = ByteBuffer.allocate(1024);
        buffer.position(100);
        EventCodec.encode(event, buffer);
        buffer.limit(buffer.position()).position(100);

        assertThat(EventCodec.peekType(buffer)).isEqualTo("click");
        assertThat(EventCodec.decode(buffer)).isEqualTo(event);
    }

    @Test
    void encodeOverflowsATooSmallBuffer() {
        Event event = Event.builder("id", "click", WHEN).dimension("long", "x".repeat(200)).build();

        assertThatThrownBy(() -> EventCodec.encode(event, ByteBuffer.allocate(100)))
                .isInstanceOf(BufferOverflowException.class);
    }

    @Test
    void decodeRejectsAnUnknownFormat() {
        ByteBuffer buffer = ByteBuffer.allocate(1024);
        EventCodec.encode(Event.builder("id", "click", WHEN).build(), buffer);
        buffer.flip();
        buffer.put(0, (byte) 99);

        assertThatThrownBy(() -> EventCodec.decode(buffer))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("99");
        assertThatThrownBy(() -> EventCodec.peekType(buffer)).isInstanceOf(IllegalArgumentException.class);
    }
}

package io.tracker.collector.kafka.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tracker.api.Event;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventJsonTest {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final Instant AT = Instant.parse("2026-11-28T10:15:30.123Z");

    private final EventJson eventJson = new EventJson();

    @Test
    void oneObjectWithIdTypeTimestampDimensionsAndMetrics() throws IOException {
        Event event = Event.builder("01JDX3", "impression", AT)
                .dimension("campaign", "spring")
                .dimension("creative", "banner-a")
                .metric("count", 1L)
                .build();

        JsonNode json = JSON.readTree(eventJson.toBytes(event));

        assertThat(fieldNames(json)).containsExactly("id", "type", "timestamp", "dimensions", "metrics");
        assertThat(json.get("id").textValue()).isEqualTo("01JDX3");
        assertThat(json.get("type").textValue()).isEqualTo("impression");
        assertThat(json.get("timestamp").textValue()).isEqualTo("2026-11-28T10:15:30.123Z");
        assertThat(fieldNames(json.get("dimensions"))).containsExactly("campaign", "creative");
        assertThat(json.get("dimensions").get("creative").textValue()).isEqualTo("banner-a");
        assertThat(json.get("metrics").get("count").longValue()).isEqualTo(1L);
    }

    @Test
    void theSameBytesAsALineOfTheLogCollector() {
        Event event = Event.builder("e1", "click", AT).dimension("c", "x").metric("n", 2).build();

        assertThat(new String(eventJson.toBytes(event), StandardCharsets.UTF_8)).isEqualTo(
                "{\"id\":\"e1\",\"type\":\"click\",\"timestamp\":\"2026-11-28T10:15:30.123Z\","
                        + "\"dimensions\":{\"c\":\"x\"},\"metrics\":{\"n\":2}}");
    }

    @Test
    void timestampsRoundTripToTheNanosecond() throws IOException {
        Instant precise = Instant.parse("2026-11-28T10:15:30.123456789Z");

        JsonNode json = JSON.readTree(eventJson.toBytes(Event.builder("e1", "click", precise).build()));

        assertThat(Instant.parse(json.get("timestamp").textValue())).isEqualTo(precise);
    }

    @Test
    void metricsAreExactNumbersOfTheirOwnKind() throws IOException {
        BigDecimal revenue = new BigDecimal("12345678901234567890.123456789");
        Event event = Event.builder("e1", "conversion", AT)
                .metric("clicks", 9_007_199_254_740_993L)
                .metric("ratio", 0.25d)
                .metric("revenue", revenue)
                .metric("huge", new BigInteger("123456789012345678901234567890"))
                .build();

        String text = new String(eventJson.toBytes(event), StandardCharsets.UTF_8);

        assertThat(text).contains("\"clicks\":9007199254740993", "\"ratio\":0.25",
                "\"revenue\":12345678901234567890.123456789", "\"huge\":123456789012345678901234567890");
        assertThat(JSON.readTree(text).get("metrics").get("revenue").decimalValue()).isEqualByComparingTo(revenue);
    }

    @Test
    void emptyDimensionsAndMetricsAreEmptyObjects() throws IOException {
        JsonNode json = JSON.readTree(eventJson.toBytes(Event.builder("e1", "click", AT).build()));

        assertThat(json.get("dimensions").isObject()).isTrue();
        assertThat(json.get("dimensions").isEmpty()).isTrue();
        assertThat(json.get("metrics").isObject()).isTrue();
        assertThat(json.get("metrics").isEmpty()).isTrue();
    }

    @Test
    void specialCharactersAreEscapedAndTextIsUtf8() throws IOException {
        String nasty = "say \"hi\"\\ back\nline\r\tcafé 漢字 😀 \u0000\u001f";
        Event event = Event.builder("id\"1", "click", AT).dimension("text", nasty).build();

        byte[] bytes = eventJson.toBytes(event);

        assertThat(new String(bytes, StandardCharsets.UTF_8)).doesNotContain("\n", "\r", "\t", "\u0000");
        JsonNode json = JSON.readTree(bytes);
        assertThat(json.get("id").textValue()).isEqualTo("id\"1");
        assertThat(json.get("dimensions").get("text").textValue()).isEqualTo(nasty);
    }

    @Test
    void eachCallReturnsItsOwnBytes() throws IOException {
        byte[] first = eventJson.toBytes(Event.builder("first", "click", AT).dimension("d", "x".repeat(2000)).build());
        byte[] second = eventJson.toBytes(Event.builder("second", "click", AT).build());

        assertThat(JSON.readTree(first).get("id").textValue()).isEqualTo("first");
        assertThat(JSON.readTree(second).get("id").textValue()).isEqualTo("second");
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}

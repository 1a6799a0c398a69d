package io.tracker.collector.log.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tracker.api.Event;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonLinesWriterTest {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final Instant AT = Instant.parse("2026-11-28T10:15:30.123Z");

    @TempDir
    Path directory;

    private final List<JsonLinesWriter> writers = new ArrayList<>();

    @AfterEach
    void closeWriters() throws IOException {
        for (JsonLinesWriter writer : writers) {
            writer.close();
        }
    }

    @Test
    void writesOneFilePerEventTypeNamedAfterTheType() throws IOException {
        JsonLinesWriter writer = open();

        writer.write(List.of(event("e1", "impression"), event("e2", "click"), event("e3", "impression")));

        try (Stream<Path> files = Files.list(directory)) {
            assertThat(files.map(file -> file.getFileName().toString()))
                    .containsExactlyInAnyOrder("impression.jsonl", "click.jsonl");
        }
        assertThat(ids(directory.resolve("impression.jsonl"))).containsExactly("e1", "e3");
        assertThat(ids(directory.resolve("click.jsonl"))).containsExactly("e2");
    }

    @Test
    void createsTheDirectoryWhenMissing() throws IOException {
        Path nested = directory.resolve("data").resolve("events");

        new JsonLinesWriter(nested).close();

        assertThat(nested).isDirectory();
    }

    @Test
    void emptyBatchCreatesNoFile() throws IOException {
        open().write(List.of());

        try (Stream<Path> files = Files.list(directory)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void eachLineIsOneObjectWithIdTypeTimestampDimensionsAndMetrics() throws IOException {
        Event event = Event.builder("01JDX3", "impression", AT)
                .dimension("campaign", "spring")
                .dimension("creative", "banner-a")
                .metric("count", 1L)
                .build();

        open().write(List.of(event));

        JsonNode line = JSON.readTree(singleLine(directory.resolve("impression.jsonl")));
        assertThat(line.isObject()).isTrue();
        assertThat(fieldNames(line)).containsExactly("id", "type", "timestamp", "dimensions", "metrics");
        assertThat(line.get("id").textValue()).isEqualTo("01JDX3");
        assertThat(line.get("type").textValue()).isEqualTo("impression");
        assertThat(line.get("timestamp").textValue()).isEqualTo("2026-11-28T10:15:30.123Z");
        assertThat(line.get("dimensions").get("campaign").textValue()).isEqualTo("spring");
        assertThat(line.get("metrics").get("count").longValue()).isEqualTo(1L);
    }

    @Test
    void timestampIsIso8601InUtcAndRoundTripsExactly() throws IOException {
        List<Instant> instants = List.of(AT, Instant.parse("2026-11-28T10:15:30Z"),
                Instant.parse("2026-11-28T10:15:30.123456789Z"), Instant.EPOCH);
        List<Event> batch = new ArrayList<>();
        for (int i = 0; i < instants.size(); i++) {
            batch.add(Event.builder("e" + i, "impression", instants.get(i)).build());
        }

        open().write(batch);

        List<String> timestamps = new ArrayList<>();
        for (String line : lines(directory.resolve("impression.jsonl"))) {
            timestamps.add(JSON.readTree(line).get("timestamp").textValue());
        }
        assertThat(timestamps).allSatisfy(text -> assertThat(text).endsWith("Z").contains("T"));
        assertThat(timestamps).map(Instant::parse).containsExactlyElementsOf(instants);
    }

    @Test
    void dimensionsKeepTheirInsertionOrder() throws IOException {
        Event.Builder builder = Event.builder("e1", "impression", AT);
        List<String> names = List.of("zeta", "alpha", "mid", "beta", "omega", "a1", "b2", "c3", "d4", "e5");
        names.forEach(name -> builder.dimension(name, name.toUpperCase()));

        open().write(List.of(builder.build()));

        JsonNode dimensions = JSON.readTree(singleLine(directory.resolve("impression.jsonl"))).get("dimensions");
        assertThat(dimensions.isObject()).isTrue();
        assertThat(fieldNames(dimensions)).containsExactlyElementsOf(names);
        assertThat(dimensions.get("mid").textValue()).isEqualTo("MID");
    }

    @Test
    void emptyDimensionsAndMetricsAreEmptyObjects() throws IOException {
        open().write(List.of(Event.builder("e1", "impression", AT).build()));

        JsonNode line = JSON.readTree(singleLine(directory.resolve("impression.jsonl")));
        assertThat(line.get("dimensions").isObject()).isTrue();
        assertThat(line.get("dimensions").isEmpty()).isTrue();
        assertThat(line.get("metrics").isObject()).isTrue();
        assertThat(line.get("metrics").isEmpty()).isTrue();
    }

    @Test
    void metricsAreJsonNumbersOfTheirOwnKind() throws IOException {
        BigDecimal revenue = new BigDecimal("12345678901234567890.123456789");
        Event event = Event.builder("e1", "conversion", AT)
                .metric("clicks", 9_007_199_254_740_993L) // beyond a double's exact range
                .metric("views", 3)
                .metric("ratio", 0.25d)
                .metric("revenue", revenue)
                .metric("huge", new BigInteger("123456789012345678901234567890"))
                .build();

        open().write(List.of(event));

        String text = singleLine(directory.resolve("conversion.jsonl"));
        assertThat(text).contains("\"clicks\":9007199254740993", "\"views\":3", "\"ratio\":0.25",
                "\"revenue\":12345678901234567890.123456789", "\"huge\":123456789012345678901234567890");
        JsonNode metrics = JSON.readTree(text).get("metrics");
        assertThat(fieldNames(metrics)).containsExactly("clicks", "views", "ratio", "revenue", "huge");
        assertThat(metrics.get("clicks").isIntegralNumber()).isTrue();
        assertThat(metrics.get("clicks").longValue()).isEqualTo(9_007_199_254_740_993L);
        assertThat(metrics.get("views").isIntegralNumber()).isTrue();
        assertThat(metrics.get("ratio").isNumber()).isTrue();
        assertThat(metrics.get("ratio").doubleValue()).isEqualTo(0.25d);
        assertThat(metrics.get("revenue").isNumber()).isTrue();
        assertThat(metrics.get("revenue").decimalValue()).isEqualByComparingTo(revenue);
        assertThat(metrics.get("huge").bigIntegerValue()).isEqualTo(new BigInteger("123456789012345678901234567890"));
    }

    @Test
    void specialCharactersAreEscapedSoEachEventStaysOnOneLine() throws IOException {
        String nasty = "say \"hi\"\\ back\nsecond line\r\tcafé 漢字 😀 \u0000\u0001\u001f end";
        Event first = Event.builder("id-\"1\"\n", "impression", AT)
                .dimension("text", nasty)
                .dimension("key\nwith \"quotes\"", "v")
                .build();
        Event second = Event.builder("id-2", "impression", AT).dimension("text", "plain").build();

        open().write(List.of(first, second));

        Path file = directory.resolve("impression.jsonl");
        String content = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(content.chars().filter(c -> c == '\n').count()).as("newlines in\n%s", content).isEqualTo(2);
        assertThat(content).doesNotContain("\r", "\t", "\u0000", "\u0001", "\u001f");
        List<String> lines = lines(file);
        assertThat(lines).hasSize(2);
        JsonNode parsed = JSON.readTree(lines.get(0));
        assertThat(parsed.get("id").textValue()).isEqualTo("id-\"1\"\n");
        assertThat(parsed.get("dimensions").get("text").textValue()).isEqualTo(nasty);
        assertThat(parsed.get("dimensions").get("key\nwith \"quotes\"").textValue()).isEqualTo("v");
        assertThat(JSON.readTree(lines.get(1)).get("id").textValue()).isEqualTo("id-2");
    }

    @Test
    void fileIsUtf8() throws IOException {
        open().write(List.of(Event.builder("e1", "impression", AT).dimension("city", "Zürich").build()));

        byte[] bytes = Files.readAllBytes(directory.resolve("impression.jsonl"));
        assertThat(new String(bytes, StandardCharsets.UTF_8)).contains("Zürich");
    }

    @Test
    void linesAreInTheFileAsSoonAsWriteReturns() throws IOException {
        JsonLinesWriter writer = open();

        writer.write(List.of(event("e1", "impression"), event("e2", "click")));
        assertThat(ids(directory.resolve("impression.jsonl"))).containsExactly("e1");
        assertThat(ids(directory.resolve("click.jsonl"))).containsExactly("e2");

        writer.write(List.of(event("e3", "impression")));
        assertThat(ids(directory.resolve("impression.jsonl"))).containsExactly("e1", "e3");
    }

    @Test
    void aNewWriterAppendsAfterTheLinesOfOneThatWasNeverClosed() throws IOException {
        JsonLinesWriter crashed = open();
        crashed.write(List.of(event("e1", "impression"), event("e2", "impression")));

        JsonLinesWriter restarted = open();
        restarted.write(List.of(event("e3", "impression")));

        assertThat(ids(directory.resolve("impression.jsonl"))).containsExactly("e1", "e2", "e3");
    }

    @Test
    void closeThenANewWriterContinuesTheFile() throws IOException {
        JsonLinesWriter first = new JsonLinesWriter(directory);
        first.write(List.of(event("e1", "impression"), event("e2", "click")));
        first.close();

        JsonLinesWriter second = open();
        second.write(List.of(event("e3", "impression"), event("e4", "click")));

        assertThat(ids(directory.resolve("impression.jsonl"))).containsExactly("e1", "e3");
        assertThat(ids(directory.resolve("click.jsonl"))).containsExactly("e2", "e4");
    }

    @Test
    void closeWithoutWritesIsHarmlessAndCanBeRepeated() throws IOException {
        JsonLinesWriter writer = new JsonLinesWriter(directory);

        writer.close();
        writer.close();

        try (Stream<Path> files = Files.list(directory)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void everyLineStartsWithTheObjectItself() throws IOException {
        open().write(List.of(event("e1", "impression"), event("e2", "impression"), event("e3", "impression")));

        assertThat(lines(directory.resolve("impression.jsonl"))).allSatisfy(line -> assertThat(line).startsWith("{\"id\":"));
    }

    private JsonLinesWriter open() throws IOException {
        JsonLinesWriter writer = new JsonLinesWriter(directory);
        writers.add(writer);
        return writer;
    }

    private static Event event(String id, String type) {
        return Event.builder(id, type, AT).dimension("campaign", "c-" + id).metric("count", 1L).build();
    }

    private static List<String> lines(Path file) throws IOException {
        String content = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(content).as("the file ends with a complete line").endsWith("\n");
        return List.of(content.substring(0, content.length() - 1).split("\n", -1));
    }

    private static String singleLine(Path file) throws IOException {
        List<String> lines = lines(file);
        assertThat(lines).hasSize(1);
        return lines.get(0);
    }

    private static List<String> ids(Path file) throws IOException {
        List<String> ids = new ArrayList<>();
        for (String line : lines(file)) {
            ids.add(JSON.readTree(line).get("id").textValue());
        }
        return ids;
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}

package io.tracker.collector.banker.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpendReportJsonTest {

    private static final OpenApiDocument CONTRACT = OpenApiDocument.banker();

    @Test
    void writesTheReportCompactlyInAFixedOrder() {
        byte[] body = SpendReportJson.write(report());

        assertThat(new String(body, StandardCharsets.UTF_8)).isEqualTo("{\"source\":\"banker\",\"lines\":[{"
                + "\"account\":\"acme\",\"campaign\":\"c1\",\"line_item\":\"l1\",\"currency\":\"USD\","
                + "\"amount_micros\":352500,\"events\":["
                + "{\"type\":\"click\",\"id\":\"e2\",\"time\":\"2026-11-28T10:15:30.123Z\",\"amount_micros\":350000},"
                + "{\"type\":\"impression\",\"id\":\"e1\",\"time\":\"2026-11-28T10:15:30.123Z\",\"amount_micros\":2500}"
                + "]}]}");
    }

    @Test
    void theReportIsValidByTheApiDocument() throws Exception {
        byte[] body = SpendReportJson.write(report());

        assertThat(CONTRACT.validate("SpendReport", new ObjectMapper().readTree(body))).isEmpty();
    }

    @Test
    void theKeyIsTheBodysSha256AndFollowsTheContract() {
        byte[] body = SpendReportJson.write(report());
        String key = SpendReportJson.idempotencyKey(body);

        assertThat(key).hasSize(64).matches("[0-9a-f]{64}")
                .matches(CONTRACT.<String>at("components", "parameters", "IdempotencyKey", "schema", "pattern"));
        assertThat(SpendReportJson.idempotencyKey(SpendReportJson.write(report()))).isEqualTo(key);
        // the SHA-256 of "abc", a published test vector
        assertThat(SpendReportJson.idempotencyKey("abc".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void theKeyAfterAConflictIsAnotherKeyDerivedFromTheFirst() {
        String key = SpendReportJson.idempotencyKey(SpendReportJson.write(report()));

        assertThat(SpendReportJson.keyAfterConflict(key)).isNotEqualTo(key).hasSize(64)
                .isEqualTo(SpendReportJson.keyAfterConflict(key));
    }

    @Test
    void escapesTextAsJson() {
        SpendReport report = new SpendReport("banker", List.of(new SpendReport.Line(
                new SpendItem.LineKey("a\"cme", "c\\1", "l\n1", "USD"), 1,
                List.of(SpendAggregatorTest.item("impression", "é\u0001", "c", "l", "USD", 1)))));

        assertThat(new String(SpendReportJson.write(report), StandardCharsets.UTF_8))
                .contains("\"a\\\"cme\"", "\"c\\\\1\"", "\"l\\n1\"", "\"é\\u0001\"");
    }

    private static SpendReport report() {
        SkipCounts skips = new SkipCounts();
        return SpendAggregator.aggregate("banker", List.of(
                SpendAggregatorTest.item("impression", "e1", "c1", "l1", "USD", 2_500),
                SpendAggregatorTest.item("click", "e2", "c1", "l1", "USD", 350_000)), 1000, skips).get(0);
    }
}

package io.tracker.collector.banker.internal;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The request body of {@code POST /v1/spend} (schema {@code SpendReport} in docs/banker-api.yaml) and its
 * idempotency key. Stateless and thread-safe.
 *
 * <pre>{"source":"banker","lines":[{"account":"acme","campaign":"c1","line_item":"l1","currency":"USD",
 *   "amount_micros":3700,"events":[{"type":"impression","id":"e1","time":"2026-11-28T10:15:30.123Z",
 *   "amount_micros":2500}, ...]}]}</pre>
 */
final class SpendReportJson {

    private static final JsonFactory JSON = new JsonFactory();

    private SpendReportJson() {
    }

    /** Compact UTF-8 JSON, fields in a fixed order: the same report always gives the same bytes. */
    static byte[] write(SpendReport report) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256 + 120 * report.eventCount());
        try (JsonGenerator json = JSON.createGenerator(bytes, JsonEncoding.UTF8)) {
            json.writeStartObject();
            json.writeStringField("source", report.source());
            json.writeArrayFieldStart("lines");
            for (SpendReport.Line line : report.lines()) {
                json.writeStartObject();
                json.writeStringField("account", line.key().account());
                json.writeStringField("campaign", line.key().campaign());
                json.writeStringField("line_item", line.key().lineItem());
                json.writeStringField("currency", line.key().currency());
                json.writeNumberField("amount_micros", line.amountMicros());
                json.writeArrayFieldStart("events");
                for (SpendItem event : line.events()) {
                    json.writeStartObject();
                    json.writeStringField("type", event.eventType());
                    json.writeStringField("id", event.eventId());
                    json.writeStringField("time", event.time().toString());
                    json.writeNumberField("amount_micros", event.amountMicros());
                    json.writeEndObject();
                }
                json.writeEndArray();
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot happen: writing JSON to memory failed", e);
        }
        return bytes.toByteArray();
    }

    /**
     * The report's {@code Idempotency-Key}: the SHA-256 of its body, 64 lowercase hex digits. Derived from
     * the content alone, so the same events reported again, after a retry or a restart, carry the same key.
     */
    static String idempotencyKey(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /**
     * The key to send a report under when banker holds its own key for a different body (409): still a
     * function of the body, so a redelivery after a crash reuses it. Safe because banker counts each event
     * once whatever key carries it.
     */
    static String keyAfterConflict(String key) {
        return idempotencyKey(("after-conflict:" + key).getBytes(StandardCharsets.US_ASCII));
    }
}

package io.tracker.collector.kafka.internal;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import io.tracker.api.Event;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Map;

/**
 * An event as one JSON object in UTF-8, the same object the log collector writes as a line:
 * {@code {"id":..,"type":..,"timestamp":"2026-11-28T10:15:30.123Z","dimensions":{..},"metrics":{..}}}.
 * Dimensions and metrics keep their order; metrics are JSON numbers of their own kind (integers stay exact,
 * decimals keep every digit).
 *
 * <p>Not thread-safe: it reuses one buffer, and the collector uses it from its dispatcher thread only.
 */
final class EventJson {

    private static final JsonFactory JSON = new JsonFactory();

    private final ByteArrayBuilder buffer = new ByteArrayBuilder(512);

    byte[] toBytes(Event event) {
        buffer.reset();
        try (JsonGenerator json = JSON.createGenerator(buffer, JsonEncoding.UTF8)) {
            json.writeStartObject();
            json.writeStringField("id", event.id());
            json.writeStringField("type", event.type());
            json.writeStringField("timestamp", event.timestamp().toString());
            json.writeObjectFieldStart("dimensions");
            for (Map.Entry<String, String> dimension : event.dimensions().entrySet()) {
                json.writeStringField(dimension.getKey(), dimension.getValue());
            }
            json.writeEndObject();
            json.writeObjectFieldStart("metrics");
            for (Map.Entry<String, Number> metric : event.metrics().entrySet()) {
                json.writeFieldName(metric.getKey());
                writeNumber(json, metric.getValue());
            }
            json.writeEndObject();
            json.writeEndObject();
        } catch (IOException e) {
            // an in-memory target does not fail; should it, the event is not sent and the batch is retried
            throw new UncheckedIOException("event " + event.id() + " could not be written as JSON", e);
        }
        return buffer.toByteArray();
    }

    private static void writeNumber(JsonGenerator json, Number value) throws IOException {
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            json.writeNumber(value.longValue());
        } else if (value instanceof BigDecimal) {
            json.writeNumber((BigDecimal) value);
        } else if (value instanceof BigInteger) {
            json.writeNumber((BigInteger) value);
        } else {
            json.writeNumber(value.doubleValue());
        }
    }
}

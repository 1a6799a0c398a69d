package io.tracker.collector.log.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import io.tracker.api.Event;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Map;
import java.util.function.Predicate;

/**
 * One event as one JSON line, {@code id} first (redelivery detection reads it back):
 * {@code {"id":..,"type":..,"timestamp":"2026-11-28T10:15:30.123Z","dimensions":{..},"metrics":{..}}}.
 * Dimensions and metrics the settings exclude are left out (privacy: what a file must not expose).
 */
final class EventLine {

    private EventLine() {
    }

    /** Writes the event and its newline; {@code json} must not separate root values. */
    static void write(Event event, Predicate<String> keeps, JsonGenerator json) throws IOException {
        json.writeStartObject();
        json.writeStringField("id", event.id());
        json.writeStringField("type", event.type());
        json.writeStringField("timestamp", IsoInstant.format(event.timestamp()));
        json.writeObjectFieldStart("dimensions");
        for (Map.Entry<String, String> dimension : event.dimensions().entrySet()) {
            if (keeps.test(dimension.getKey())) {
                json.writeStringField(dimension.getKey(), dimension.getValue());
            }
        }
        json.writeEndObject();
        json.writeObjectFieldStart("metrics");
        for (Map.Entry<String, Number> metric : event.metrics().entrySet()) {
            if (keeps.test(metric.getKey())) {
                json.writeFieldName(metric.getKey());
                writeNumber(json, metric.getValue());
            }
        }
        json.writeEndObject();
        json.writeEndObject();
        json.writeRaw('\n');
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

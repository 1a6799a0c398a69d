package io.tracker.processing.internal.replay;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.tracker.api.Event;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Event lines exactly as the log collector writes them: a copy of the generator calls of
 * {@code plugins/collector-log/.../JsonLinesWriter}, so that these tests need not depend on the plugin.
 */
final class CollectorLines {

    private static final JsonFactory JSON = new JsonFactory().setRootValueSeparator(null);

    private CollectorLines() {
    }

    /** Writes the events, one line each, as the collector does; does not close {@code out}. */
    static void write(OutputStream out, List<Event> events) throws IOException {
        JsonGenerator json = JSON.createGenerator(out, JsonEncoding.UTF8);
        json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        for (Event event : events) {
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
            json.writeRaw('\n');
        }
        json.close();
    }

    /** One event's line, without the newline. */
    static String line(Event event) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            write(out, List.of(event));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String text = out.toString(StandardCharsets.UTF_8);
        return text.substring(0, text.length() - 1);
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

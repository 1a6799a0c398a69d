package io.tracker.collector.log.internal;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.tracker.api.Event;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Appends events as JSON lines to {@code <directory>/<type>.jsonl}, one object per line:
 * {@code {"id":..,"type":..,"timestamp":"2026-11-28T10:15:30.123Z","dimensions":{..},"metrics":{..}}}.
 *
 * <p>Each batch is written and then flushed to the operating system, so a line is visible to readers as
 * soon as {@link #write(List)} returns. Not thread-safe: the dispatcher calls it from one thread.
 */
final class JsonLinesWriter implements Closeable {

    /** No root value separator: each line is exactly one object, the newline is written by us. */
    private static final JsonFactory JSON = new JsonFactory().setRootValueSeparator(null);

    private final Path directory;
    private final Map<String, JsonGenerator> filesByType = new HashMap<>();

    JsonLinesWriter(Path directory) throws IOException {
        this.directory = Files.createDirectories(directory);
    }

    void write(List<Event> batch) throws IOException {
        for (Event event : batch) {
            JsonGenerator json = generatorFor(event.type());
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
        for (JsonGenerator json : filesByType.values()) {
            json.flush();
        }
    }

    @Override
    public void close() throws IOException {
        IOException first = null;
        for (JsonGenerator json : filesByType.values()) {
            try {
                json.close();
            } catch (IOException e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        filesByType.clear();
        if (first != null) {
            throw first;
        }
    }

    private JsonGenerator generatorFor(String type) throws IOException {
        JsonGenerator json = filesByType.get(type);
        if (json == null) {
            OutputStream file = new BufferedOutputStream(
                    new FileOutputStream(directory.resolve(type + ".jsonl").toFile(), true), 64 * 1024);
            json = JSON.createGenerator(file, JsonEncoding.UTF8);
            filesByType.put(type, json);
        }
        return json;
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

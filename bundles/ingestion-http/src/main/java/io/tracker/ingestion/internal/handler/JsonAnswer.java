package io.tracker.ingestion.internal.handler;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.tracker.processing.spi.Outcome;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The JSON answer to an API call: counts, then per event its index, status, id or errors.
 * <pre>{"accepted":1,"rejected":1,"events":[{"index":0,"status":"accepted","id":"..."},
 * {"index":1,"status":"rejected","errors":["metric 'value': 'abc' is not a number"]}]}</pre>
 */
final class JsonAnswer {

    private static final JsonFactory JSON = new JsonFactory();

    private JsonAnswer() {
    }

    static byte[] of(Outcome outcome) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try (JsonGenerator json = JSON.createGenerator(out)) {
            long accepted = outcome.items().stream().filter(Outcome.Item::accepted).count();
            json.writeStartObject();
            json.writeNumberField("accepted", accepted);
            json.writeNumberField("rejected", outcome.items().size() - accepted);
            json.writeArrayFieldStart("events");
            for (Outcome.Item item : outcome.items()) {
                json.writeStartObject();
                json.writeNumberField("index", item.index());
                json.writeStringField("status", item.accepted() ? "accepted" : "rejected");
                if (item.accepted()) {
                    json.writeStringField("id", item.eventId());
                } else {
                    json.writeArrayFieldStart("errors");
                    for (String error : item.errors()) {
                        json.writeString(error);
                    }
                    json.writeEndArray();
                }
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("writing JSON to memory", e);
        }
        return out.toByteArray();
    }

    static byte[] error(String message) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(128);
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartObject();
            json.writeStringField("error", message);
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("writing JSON to memory", e);
        }
        return out.toByteArray();
    }
}

package io.tracker.processing.internal.replay;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.tracker.api.Event;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * Parses one line written by the log collector ({@code {"id":..,"type":..,"timestamp":..,
 * "dimensions":{..},"metrics":{..}}}) back into the event, with its original id, so that collectors
 * receiving it again can recognise the duplicate.
 */
final class EventLines {

    private static final JsonFactory JSON = new JsonFactory();

    private EventLines() {
    }

    /** @throws IllegalArgumentException naming what is wrong with the line */
    static Event parse(String line) {
        String id = null;
        String type = null;
        Instant timestamp = null;
        Event.Builder values = Event.builder("pending", "pending", Instant.EPOCH);
        try (JsonParser json = JSON.createParser(line)) {
            expect(json.nextToken(), JsonToken.START_OBJECT, "an object");
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                String field = json.currentName();
                JsonToken value = json.nextToken();
                switch (field) {
                    case "id":
                        id = json.getValueAsString();
                        break;
                    case "type":
                        type = json.getValueAsString();
                        break;
                    case "timestamp":
                        timestamp = Instant.parse(json.getValueAsString(""));
                        break;
                    case "dimensions":
                        expect(value, JsonToken.START_OBJECT, "'dimensions' to be an object");
                        while (json.nextToken() == JsonToken.FIELD_NAME) {
                            String name = json.currentName();
                            json.nextToken();
                            values.dimension(name, json.getValueAsString());
                        }
                        break;
                    case "metrics":
                        expect(value, JsonToken.START_OBJECT, "'metrics' to be an object");
                        while (json.nextToken() == JsonToken.FIELD_NAME) {
                            String name = json.currentName();
                            values.metric(name, metric(json, json.nextToken()));
                        }
                        break;
                    default:
                        json.skipChildren(); // fields added by later versions are not ours to refuse
                        break;
                }
            }
        } catch (IOException | DateTimeParseException | NumberFormatException e) {
            throw new IllegalArgumentException("not an event line: " + e.getMessage(), e);
        }
        if (id == null || id.isEmpty() || type == null || type.isEmpty() || timestamp == null) {
            throw new IllegalArgumentException("an event line needs id, type and timestamp");
        }
        return values.id(id).type(type).timestamp(timestamp).build();
    }

    /** A whole number as long (or BigInteger beyond), a fraction exactly, NaN and infinities as Jackson writes them. */
    private static Number metric(JsonParser json, JsonToken token) throws IOException {
        if (token == JsonToken.VALUE_NUMBER_INT) {
            return json.getNumberType() == JsonParser.NumberType.BIG_INTEGER ? json.getBigIntegerValue()
                    : (Number) json.getLongValue();
        }
        if (token == JsonToken.VALUE_NUMBER_FLOAT) {
            return new BigDecimal(json.getText());
        }
        if (token == JsonToken.VALUE_STRING) {
            switch (json.getText()) {
                case "NaN":
                    return Double.NaN;
                case "Infinity":
                    return Double.POSITIVE_INFINITY;
                case "-Infinity":
                    return Double.NEGATIVE_INFINITY;
                default:
                    break;
            }
        }
        throw new IOException("metric '" + json.currentName() + "' is not a number");
    }

    private static void expect(JsonToken actual, JsonToken expected, String what) throws IOException {
        if (actual != expected) {
            throw new IOException("expected " + what + ", found " + actual);
        }
    }
}

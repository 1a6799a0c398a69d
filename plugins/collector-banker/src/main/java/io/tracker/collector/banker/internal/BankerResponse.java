package io.tracker.collector.banker.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;

/**
 * What banker answered to an applied report (schema {@code SpendResult}), as far as the collector uses it:
 * for its counters and logs. The status code alone decides success, so an answer that cannot be read is
 * not a failure: the spend is booked.
 *
 * @param replayed        true if banker had applied this key before and answered from its record
 * @param eventsApplied   events counted now, -1 if unknown
 * @param eventsDuplicate events banker had already counted under another report, -1 if unknown
 */
record BankerResponse(boolean replayed, long eventsApplied, long eventsDuplicate) {

    private static final JsonFactory JSON = new JsonFactory();

    static final BankerResponse UNKNOWN = new BankerResponse(false, -1, -1);

    /** @throws IOException if the body is not the JSON object expected */
    static BankerResponse parse(byte[] body) throws IOException {
        boolean replayed = false;
        long applied = -1;
        long duplicate = -1;
        try (JsonParser json = JSON.createParser(body)) {
            if (json.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException("expected a JSON object");
            }
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                String field = json.currentName();
                JsonToken value = json.nextToken();
                if ("replayed".equals(field) && value.isBoolean()) {
                    replayed = json.getBooleanValue();
                } else if ("events_applied".equals(field) && value == JsonToken.VALUE_NUMBER_INT) {
                    applied = json.getLongValue();
                } else if ("events_duplicate".equals(field) && value == JsonToken.VALUE_NUMBER_INT) {
                    duplicate = json.getLongValue();
                } else {
                    json.skipChildren();
                }
            }
        }
        return new BankerResponse(replayed, applied, duplicate);
    }
}

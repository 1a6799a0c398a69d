package io.tracker.processing.internal.eventtype;

import com.fasterxml.jackson.databind.JsonNode;
import io.tracker.processing.spi.Hit;
import java.util.Map;

/**
 * What a {@link ValueSource} reads from: the request, the variables of its path, and for a JSON body the
 * element being turned into an event (the body itself, or one element of an array).
 */
public record HitContext(Hit hit, Map<String, String> pathVariables, JsonNode item) {
}

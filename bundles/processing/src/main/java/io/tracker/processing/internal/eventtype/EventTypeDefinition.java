package io.tracker.processing.internal.eventtype;

import io.tracker.processing.spi.ResponseKind;
import io.tracker.processing.spi.Route;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** One event type, parsed and validated from its configuration. Immutable. */
public record EventTypeDefinition(
        String eventType,
        String path,
        Set<String> methods,
        ResponseKind response,
        String redirectParameter,
        List<DimensionRule> dimensions,
        List<String> preprocessors) implements Route {

    public EventTypeDefinition {
        methods = Collections.unmodifiableSet(new LinkedHashSet<>(methods)); // keeps the configured order
        dimensions = List.copyOf(dimensions);
        preprocessors = List.copyOf(preprocessors);
    }

    /** An event type without preprocessors. */
    public EventTypeDefinition(String eventType, String path, Set<String> methods, ResponseKind response,
                               String redirectParameter, List<DimensionRule> dimensions) {
        this(eventType, path, methods, response, redirectParameter, dimensions, List.of());
    }
}

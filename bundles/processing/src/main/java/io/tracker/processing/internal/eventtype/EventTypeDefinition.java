package io.tracker.processing.internal.eventtype;

import io.tracker.processing.spi.ResponseKind;
import io.tracker.processing.spi.Route;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One event type, parsed and validated from its configuration. Immutable.
 *
 * @param eventType         the name, e.g. {@code impression}
 * @param pathTemplate      where it is served
 * @param methods           accepted HTTP methods, in configured order
 * @param response          what a hit is answered with
 * @param redirectParameter for redirects: the query parameter holding the target
 * @param redirectFallback  for redirects: where to go when the target is missing or invalid; null for 400
 * @param idSource          where a client-supplied event id comes from (idempotency); null to generate ids
 * @param fields            how each dimension and metric is made
 * @param required          names of the fields an event must have (after defaults)
 * @param preprocessors     names of the preprocessors its events pass, in order
 * @param maxBodyBytes      largest body accepted
 * @param maxBatchEvents    most elements of a JSON array
 */
public record EventTypeDefinition(
        String eventType,
        PathTemplate pathTemplate,
        Set<String> methods,
        ResponseKind response,
        String redirectParameter,
        String redirectFallback,
        ValueSource idSource,
        List<FieldRule> fields,
        Set<String> required,
        List<String> preprocessors,
        int maxBodyBytes,
        int maxBatchEvents) implements Route {

    public EventTypeDefinition {
        methods = Collections.unmodifiableSet(new LinkedHashSet<>(methods)); // keeps the configured order
        fields = List.copyOf(fields);
        required = Collections.unmodifiableSet(new LinkedHashSet<>(required));
        preprocessors = List.copyOf(preprocessors);
    }

    @Override
    public String path() {
        return pathTemplate.template();
    }
}

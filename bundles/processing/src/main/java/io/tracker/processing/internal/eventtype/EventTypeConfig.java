package io.tracker.processing.internal.eventtype;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The keys of an event type configuration, for the Metatype service and the generated reference.
 * Parsing and validation happen in {@link EventTypeParser}; this type only documents.
 */
@ObjectClassDefinition(
        name = "Tracker event type",
        description = "One kind of hit: where it is received, what it answers and which values become "
                + "dimensions. A factory configuration: one file per type, e.g. "
                + "config/io.tracker.eventtype-impression.cfg. Dimensions are keys of the form "
                + "dimension.<name> = query:<parameter>.")
public @interface EventTypeConfig {

    @AttributeDefinition(description = "Event type name. Defaults to the part of the file name after "
            + "'io.tracker.eventtype-', e.g. 'impression'. Letters, digits, '_' and '-'.", required = false)
    String name();

    @AttributeDefinition(description = "Exact request path, e.g. /i. Unique across event types.")
    String path();

    @AttributeDefinition(description = "Accepted HTTP methods, comma-separated: GET, POST, HEAD.")
    String methods() default "GET";

    @AttributeDefinition(description = "The answer: pixel (200, 1x1 GIF), no-content (204) or redirect "
            + "(302 to the URL in redirect.parameter).")
    String response() default "pixel";

    @AttributeDefinition(description = "For response=redirect: the query parameter holding the target URL.")
    String redirect_parameter() default "url";

    @AttributeDefinition(description = "Preprocessors the events of this type pass through, comma-separated, in "
            + "order: the tracker.preprocessor.name of each. Hits are refused with 503 while one is missing.",
            required = false)
    String preprocessors();
}

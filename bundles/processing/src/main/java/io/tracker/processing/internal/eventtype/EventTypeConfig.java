package io.tracker.processing.internal.eventtype;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The keys of an event type configuration, for the Metatype service and the generated reference.
 * Parsing and validation happen in {@link EventTypeParser}; this type only documents.
 */
@ObjectClassDefinition(
        name = "Tracker event type",
        description = "One kind of hit: where it is received, what it answers, and how its event is made. A factory "
                + "configuration: one file per type, config/io.tracker.eventtype-<name>.cfg, or "
                + "config/event-types/<name>.yaml. Besides the keys below: dimension.<name> = <source> and "
                + "metric.<name> = <source>, where <source> is query:<param>, header:<name>, cookie:<name>, "
                + "path:<var>, json:<pointer>, client.ip, user-agent, referer, user.id or const:<value>; each with "
                + "optional .type (dimensions: string, long, decimal, boolean, timestamp, enum(a|b); metrics: long "
                + "or decimal, the default), .max.length (dimensions, default 1024: longer values are cut) and "
                + ".default (used when the request has no value). A hit whose values do not fit becomes an "
                + "'invalid' event (beacons) or is rejected in the JSON answer (API).")
public @interface EventTypeConfig {

    @AttributeDefinition(description = "Event type name. Defaults to the part of the file name after "
            + "'io.tracker.eventtype-' (or the YAML file's name). Letters, digits, '_' and '-'; several "
            + "configurations may define the same type at different paths.", required = false)
    String name();

    @AttributeDefinition(description = "Request path, e.g. /i, or with variables read by path:<var>, e.g. "
            + "/v/{event}. Unique across event types.")
    String path();

    @AttributeDefinition(description = "Accepted HTTP methods, comma-separated: GET, POST, HEAD. Default GET, POST "
            + "for response=json.", required = false)
    String methods();

    @AttributeDefinition(description = "The answer: pixel (200, 1x1 GIF), no-content (204), redirect (302 to the "
            + "URL in redirect.parameter) or json (POST API: a JSON object or array of objects in, per-event "
            + "results out).")
    String response() default "pixel";

    @AttributeDefinition(description = "For response=redirect: the query parameter holding the target URL.")
    String redirect_parameter() default "url";

    @AttributeDefinition(description = "For response=redirect: where to send the browser when the target is missing "
            + "or invalid; without it such a click answers 400.", required = false)
    String redirect_fallback();

    @AttributeDefinition(description = "Source of a client-supplied event id (idempotency key, 1-128 letters, digits, "
            + "'.', '_', ':', '-'), e.g. query:eid; generated when absent.", required = false)
    String id();

    @AttributeDefinition(description = "Dimensions and metrics every event must have, comma-separated.",
            required = false)
    String required();

    @AttributeDefinition(description = "Preprocessors the events of this type pass through, comma-separated, in "
            + "order: the tracker.preprocessor.name of each. Hits are refused with 503 while one is missing.",
            required = false)
    String preprocessors();

    @AttributeDefinition(description = "For response=json: the largest body accepted, in bytes; larger ones get 413.")
    int max_body_bytes() default EventTypeParser.DEFAULT_MAX_BODY_BYTES;

    @AttributeDefinition(description = "For response=json: the most events a JSON array may hold.")
    int max_batch_events() default EventTypeParser.DEFAULT_MAX_BATCH_EVENTS;
}

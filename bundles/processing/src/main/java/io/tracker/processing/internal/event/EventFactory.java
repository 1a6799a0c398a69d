package io.tracker.processing.internal.event;

import io.tracker.api.Event;
import io.tracker.processing.internal.eventtype.EventTypeDefinition;
import io.tracker.processing.internal.eventtype.FieldRule;
import io.tracker.processing.internal.eventtype.HitContext;
import io.tracker.processing.spi.Hit;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Builds the event of a hit by its type's rules: reads each field from its source, applies the
 * default, converts it to its type, cuts long dimensions, and collects every problem (a wrong type, a
 * missing required field, a bad client id) instead of stopping at the first. Thread-safe.
 */
public final class EventFactory {

    /** The type of the events that record rejected beacon hits. */
    public static final String INVALID_TYPE = "invalid";

    private static final Pattern CLIENT_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");
    private static final int RAW_VALUE_MAX_LENGTH = 2048;

    /** The event, and the problems that make it invalid (none when it is valid). */
    public record Built(Event event, List<String> errors) {
        public boolean valid() {
            return errors.isEmpty();
        }
    }

    private final Clock clock;

    public EventFactory(Clock clock) {
        this.clock = clock;
    }

    public Built build(EventTypeDefinition type, HitContext context) {
        Instant now = now();
        List<String> errors = new ArrayList<>(0);
        Set<String> rejectedFields = new HashSet<>(0); // present but invalid: already reported, not "missing"

        Event.Builder event = Event.builder(id(type, context, now, errors), type.eventType(), now);
        for (FieldRule rule : type.fields()) {
            String raw = rule.source().read(context);
            if (raw == null || raw.isEmpty()) {
                raw = rule.defaultValue();
            }
            if (raw == null) {
                continue;
            }
            try {
                Object value = rule.type().convert(raw);
                if (rule.metric()) {
                    event.metric(rule.name(), (Number) value);
                } else {
                    // typed dimensions keep their normal form as text: 0014 becomes 14, 1.50 stays 1.50
                    String text = value instanceof java.math.BigDecimal ? ((java.math.BigDecimal) value).toPlainString()
                            : value.toString();
                    event.dimension(rule.name(), text.length() > rule.maxLength() ? text.substring(0, rule.maxLength())
                            : text);
                }
            } catch (IllegalArgumentException e) {
                errors.add(rule.kind() + " '" + rule.name() + "': " + e.getMessage());
                rejectedFields.add(rule.name());
            }
        }
        if (type.response() == io.tracker.processing.spi.ResponseKind.REDIRECT) {
            String target = context.hit().queryParameter(type.redirectParameter());
            if (!RedirectTarget.valid(target)) {
                errors.add("redirect target '" + type.redirectParameter() + "': "
                        + (target == null || target.isEmpty() ? "missing" : "not an absolute http(s) URL"));
            }
        }
        Event built = event.build();
        for (String name : type.required()) {
            if (!built.dimensions().containsKey(name) && !built.metrics().containsKey(name)
                    && !rejectedFields.contains(name)) {
                errors.add("'" + name + "' is required but missing");
            }
        }
        return new Built(built, errors);
    }

    /**
     * The event recording a rejected beacon hit: what was wrong and the request as far as it is safe to
     * keep (method, path, query, user agent, referer; no cookies, no client address).
     */
    public Event invalid(String eventType, Hit hit, List<String> errors) {
        Instant now = now();
        return Event.builder(TimeOrderedIds.next(now.toEpochMilli()), INVALID_TYPE, now)
                .dimension("event.type", eventType)
                .dimension("reasons", cut(String.join("; ", errors)))
                .dimension("method", hit.method())
                .dimension("path", cut(hit.path()))
                .dimension("query", cut(hit.rawQuery()))
                .dimension("user-agent", cut(hit.header("User-Agent")))
                .dimension("referer", cut(hit.header("Referer")))
                .build();
    }

    private String id(EventTypeDefinition type, HitContext context, Instant now, List<String> errors) {
        if (type.idSource() != null) {
            String clientId = type.idSource().read(context);
            if (clientId != null && !clientId.isEmpty()) {
                if (CLIENT_ID.matcher(clientId).matches()) {
                    return clientId;
                }
                errors.add("id: '" + cut(clientId) + "' is not 1-128 letters, digits, '.', '_', ':' or '-'");
            }
        }
        return TimeOrderedIds.next(now.toEpochMilli());
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS); // ids and logs carry milliseconds
    }

    private static String cut(String value) {
        return value == null || value.length() <= RAW_VALUE_MAX_LENGTH ? value : value.substring(0, RAW_VALUE_MAX_LENGTH);
    }
}

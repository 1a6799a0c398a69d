package io.tracker.processing.internal.intake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.tracker.api.Event;
import io.tracker.processing.internal.event.EventFactory;
import io.tracker.processing.internal.eventtype.EventTypeDefinition;
import io.tracker.processing.internal.eventtype.EventTypeRegistry;
import io.tracker.processing.internal.eventtype.HitContext;
import io.tracker.processing.internal.journal.Journal;
import io.tracker.processing.internal.journal.JournalFullException;
import io.tracker.processing.internal.preprocess.MissingPreprocessorException;
import io.tracker.processing.internal.preprocess.PreprocessorChain;
import io.tracker.processing.internal.preprocess.PreprocessorRegistry;
import io.tracker.processing.spi.Acceptance;
import io.tracker.processing.spi.EventIntake;
import io.tracker.processing.spi.Hit;
import io.tracker.processing.spi.Outcome;
import io.tracker.processing.spi.ResponseKind;
import io.tracker.processing.spi.Route;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The request path: finds the event type of a hit, builds and validates its event(s), runs them through
 * the type's preprocessors and appends them to the journal. An event is accepted only once it is in the
 * journal (or a preprocessor dropped it on purpose); collectors are fed from the journal on their own
 * threads, so nothing here waits on a collector.
 *
 * <p>A beacon hit (pixel, redirect, 204) that fails validation becomes an {@code invalid} event with the
 * reasons, so the publisher's page is never broken and nothing goes unrecorded. A JSON request gets an
 * answer per element instead.
 */
public final class Intake implements EventIntake {

    private static final Logger LOG = LoggerFactory.getLogger(Intake.class);
    /** Nesting and string limits: a body is a handful of flat objects, not a document. */
    private static final ObjectMapper JSON = JsonMapper.builder(new com.fasterxml.jackson.core.JsonFactory()
            .setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(16)
                    .maxStringLength(64 * 1024).build()))
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS) // exact prices
            .build();

    private final EventTypeRegistry eventTypes;
    private final EventFactory eventFactory;
    private final PreprocessorRegistry preprocessors;
    private final PreprocessorChain chain = new PreprocessorChain();
    private final Journal journal;
    private final AtomicLong refused = new AtomicLong();
    private final AtomicLong invalid = new AtomicLong();

    public Intake(EventTypeRegistry eventTypes, EventFactory eventFactory, PreprocessorRegistry preprocessors,
                  Journal journal) {
        this.eventTypes = eventTypes;
        this.eventFactory = eventFactory;
        this.preprocessors = preprocessors;
        this.journal = journal;
    }

    /** Without preprocessors. */
    public Intake(EventTypeRegistry eventTypes, EventFactory eventFactory, Journal journal) {
        this(eventTypes, eventFactory, new PreprocessorRegistry(0), journal);
    }

    @Override
    public Route route(String path) {
        return eventTypes.route(path);
    }

    /** @param route a route returned by {@link #route(String)} */
    @Override
    public Outcome accept(Route route, Hit hit) {
        EventTypeDefinition type = (EventTypeDefinition) route;
        Map<String, String> pathVariables = type.pathTemplate().match(hit.path());
        if (pathVariables == null) {
            pathVariables = Map.of();
        }
        try {
            return type.response() == ResponseKind.JSON ? acceptJson(type, hit, pathVariables)
                    : acceptBeacon(type, hit, pathVariables);
        } catch (Refused e) {
            return Outcome.overloaded();
        }
    }

    /** @param route a route returned by {@link #route(String)} */
    @Override
    public boolean mayWait(Route route) {
        return journal.appendWaitsForDisk() || !preprocessors.has(((EventTypeDefinition) route).preprocessors());
    }

    /** Hits refused because the journal could not take their event or a preprocessor was missing. */
    public long refusedCount() {
        return refused.get();
    }

    /** Events that failed validation (beacon hits recorded as {@code invalid}, and rejected JSON elements). */
    public long invalidCount() {
        return invalid.get();
    }

    /** Events preprocessors dropped on purpose, and preprocessor failures (the events went on unchanged). */
    public PreprocessorChain preprocessing() {
        return chain;
    }

    private Outcome acceptBeacon(EventTypeDefinition type, Hit hit, Map<String, String> pathVariables)
            throws Refused {
        EventFactory.Built built = eventFactory.build(type, new HitContext(hit, pathVariables, null));
        List<String> errors = built.errors();
        if (built.valid()) {
            try {
                return new Outcome(Acceptance.ACCEPTED, List.of(Outcome.Item.accepted(0, take(type, built.event()))));
            } catch (IllegalArgumentException tooLarge) {
                errors = List.of(tooLarge.getMessage());
            }
        }
        invalid.incrementAndGet();
        append(eventFactory.invalid(type.eventType(), hit, errors));
        return new Outcome(Acceptance.INVALID, List.of(Outcome.Item.rejected(0, errors)));
    }

    private Outcome acceptJson(EventTypeDefinition type, Hit hit, Map<String, String> pathVariables) throws Refused {
        byte[] body = hit.body();
        if (body == null || body.length == 0) {
            return Outcome.malformed("the body must be a JSON object or an array of objects");
        }
        JsonNode document;
        try {
            document = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            return Outcome.malformed("the body is not JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            return Outcome.malformed("the body cannot be read: " + e.getMessage());
        }
        List<JsonNode> elements = new ArrayList<>();
        if (document.isArray()) {
            if (document.size() > type.maxBatchEvents()) {
                return Outcome.malformed("a batch holds at most " + type.maxBatchEvents() + " events, this one "
                        + document.size());
            }
            document.forEach(elements::add);
            if (elements.isEmpty()) {
                return Outcome.malformed("the batch holds no events");
            }
        } else {
            elements.add(document);
        }
        List<Outcome.Item> items = new ArrayList<>(elements.size());
        int accepted = 0;
        for (int i = 0; i < elements.size(); i++) {
            JsonNode element = elements.get(i);
            if (!element.isObject()) {
                invalid.incrementAndGet();
                items.add(Outcome.Item.rejected(i, List.of("an event must be a JSON object")));
                continue;
            }
            EventFactory.Built built = eventFactory.build(type, new HitContext(hit, pathVariables, element));
            if (!built.valid()) {
                invalid.incrementAndGet();
                items.add(Outcome.Item.rejected(i, built.errors()));
                continue;
            }
            try {
                items.add(Outcome.Item.accepted(i, take(type, built.event())));
                accepted++;
            } catch (IllegalArgumentException tooLarge) {
                invalid.incrementAndGet();
                items.add(Outcome.Item.rejected(i, List.of(tooLarge.getMessage())));
            } catch (Refused e) {
                // the elements before were taken; say which, so the client resends only the rest
                for (int rest = i; rest < elements.size(); rest++) {
                    items.add(Outcome.Item.rejected(rest, List.of("not taken: the tracker is overloaded, retry")));
                }
                return new Outcome(Acceptance.OVERLOADED, items);
            }
        }
        Acceptance acceptance = accepted == elements.size() ? Acceptance.ACCEPTED
                : accepted == 0 ? Acceptance.INVALID : Acceptance.PARTIAL;
        return new Outcome(acceptance, items);
    }

    /**
     * Preprocesses and journals a valid event; returns its id (also when a preprocessor dropped it).
     *
     * @throws IllegalArgumentException if the event is too large for the journal (raised max.length)
     */
    private String take(EventTypeDefinition type, Event event) throws Refused {
        Event processed;
        try {
            processed = chain.apply(event, preprocessors.chain(type.preprocessors()));
        } catch (MissingPreprocessorException e) {
            throw refuse("event type '" + type.eventType() + "': " + e.getMessage());
        }
        if (processed != null) { // null: dropped on purpose, e.g. a bot; the hit is still answered
            append(processed);
        }
        return event.id();
    }

    private void append(Event event) throws Refused {
        try {
            journal.append(event);
        } catch (JournalFullException e) {
            throw refuse(e.getMessage());
        } catch (IOException e) {
            // a disk that cannot take the event: refuse the hit so the client retries, never pretend
            throw refuse("journal append failed: " + e);
        }
    }

    private Refused refuse(String reason) {
        long count = refused.incrementAndGet();
        if (Long.bitCount(count) == 1) { // 1st, 2nd, 4th, 8th ...: visible without flooding the log
            LOG.error("Refusing hits with 503 ({} so far): {}", count, reason);
        }
        return new Refused();
    }

    /** The event could not be taken; the hit must be answered 503. */
    private static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;

        Refused() {
            super(null, null, false, false);
        }
    }
}

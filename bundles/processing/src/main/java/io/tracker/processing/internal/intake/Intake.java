package io.tracker.processing.internal.intake;

import io.tracker.api.Event;
import io.tracker.processing.internal.event.EventFactory;
import io.tracker.processing.internal.eventtype.EventTypeDefinition;
import io.tracker.processing.internal.eventtype.EventTypeRegistry;
import io.tracker.processing.internal.journal.Journal;
import io.tracker.processing.internal.journal.JournalFullException;
import io.tracker.processing.internal.preprocess.MissingPreprocessorException;
import io.tracker.processing.internal.preprocess.PreprocessorChain;
import io.tracker.processing.internal.preprocess.PreprocessorRegistry;
import io.tracker.processing.spi.Acceptance;
import io.tracker.processing.spi.EventIntake;
import io.tracker.processing.spi.Hit;
import io.tracker.processing.spi.Route;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The request path: finds the event type of a hit, builds its event, runs it through the type's
 * preprocessors and appends it to the journal. A hit is accepted only once its event is in the journal
 * (or a preprocessor dropped it on purpose); collectors are fed from the journal on their own threads,
 * so nothing here waits on a collector.
 */
public final class Intake implements EventIntake {

    private static final Logger LOG = LoggerFactory.getLogger(Intake.class);

    private final EventTypeRegistry eventTypes;
    private final EventFactory eventFactory;
    private final PreprocessorRegistry preprocessors;
    private final PreprocessorChain chain = new PreprocessorChain();
    private final Journal journal;
    private final AtomicLong refused = new AtomicLong();

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
    public Acceptance accept(Route route, Hit hit) {
        EventTypeDefinition type = (EventTypeDefinition) route;
        Event event = eventFactory.build(type, hit);
        try {
            event = chain.apply(event, preprocessors.chain(type.preprocessors()));
            if (event != null) { // null: dropped by a preprocessor, e.g. a bot; the hit is still answered
                journal.append(event);
            }
            return Acceptance.ACCEPTED;
        } catch (MissingPreprocessorException e) {
            logRefusal("event type '" + type.eventType() + "': " + e.getMessage());
            return Acceptance.OVERLOADED;
        } catch (JournalFullException e) {
            logRefusal(e.getMessage());
            return Acceptance.OVERLOADED;
        } catch (IOException e) {
            // a disk that cannot take the event: refuse the hit so the client retries, never pretend
            logRefusal("journal append failed: " + e);
            return Acceptance.OVERLOADED;
        }
    }

    /** Hits refused because the journal could not take their event or a preprocessor was missing. */
    public long refusedCount() {
        return refused.get();
    }

    /** Events preprocessors dropped on purpose, and preprocessor failures (the events went on unchanged). */
    public PreprocessorChain preprocessing() {
        return chain;
    }

    private void logRefusal(String reason) {
        long count = refused.incrementAndGet();
        if (Long.bitCount(count) == 1) { // 1st, 2nd, 4th, 8th ...: visible without flooding the log
            LOG.error("Refusing hits with 503 ({} so far): {}", count, reason);
        }
    }
}

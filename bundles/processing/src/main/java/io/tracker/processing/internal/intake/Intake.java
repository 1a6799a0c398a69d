package io.tracker.processing.internal.intake;

import io.tracker.api.Event;
import io.tracker.processing.internal.event.EventFactory;
import io.tracker.processing.internal.eventtype.EventTypeDefinition;
import io.tracker.processing.internal.eventtype.EventTypeRegistry;
import io.tracker.processing.internal.journal.Journal;
import io.tracker.processing.internal.journal.JournalFullException;
import io.tracker.processing.spi.Acceptance;
import io.tracker.processing.spi.EventIntake;
import io.tracker.processing.spi.Hit;
import io.tracker.processing.spi.Route;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The request path: finds the event type of a hit, builds its event and appends it to the journal.
 * A hit is accepted only once its event is in the journal; collectors are fed from there, on their own
 * threads, so nothing here waits on a collector.
 */
public final class Intake implements EventIntake {

    private static final Logger LOG = LoggerFactory.getLogger(Intake.class);

    private final EventTypeRegistry eventTypes;
    private final EventFactory eventFactory;
    private final Journal journal;
    private final AtomicLong refused = new AtomicLong();

    public Intake(EventTypeRegistry eventTypes, EventFactory eventFactory, Journal journal) {
        this.eventTypes = eventTypes;
        this.eventFactory = eventFactory;
        this.journal = journal;
    }

    @Override
    public Route route(String path) {
        return eventTypes.route(path);
    }

    /** @param route a route returned by {@link #route(String)} */
    @Override
    public Acceptance accept(Route route, Hit hit) {
        Event event = eventFactory.build((EventTypeDefinition) route, hit);
        try {
            journal.append(event);
            return Acceptance.ACCEPTED;
        } catch (JournalFullException e) {
            logRefusal(e.getMessage());
            return Acceptance.OVERLOADED;
        } catch (IOException e) {
            // a disk that cannot take the event: refuse the hit so the client retries, never pretend
            logRefusal("journal append failed: " + e);
            return Acceptance.OVERLOADED;
        }
    }

    /** Hits refused because the journal could not take their event. */
    public long refusedCount() {
        return refused.get();
    }

    private void logRefusal(String reason) {
        long count = refused.incrementAndGet();
        if (Long.bitCount(count) == 1) { // 1st, 2nd, 4th, 8th ...: visible without flooding the log
            LOG.error("Refusing hits with 503 ({} so far): {}", count, reason);
        }
    }
}

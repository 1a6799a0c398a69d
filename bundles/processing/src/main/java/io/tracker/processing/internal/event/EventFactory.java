package io.tracker.processing.internal.event;

import io.tracker.api.Event;
import io.tracker.processing.internal.eventtype.DimensionRule;
import io.tracker.processing.internal.eventtype.EventTypeDefinition;
import io.tracker.processing.spi.Hit;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Builds the event for a hit, following its event type's rules. Thread-safe. */
public final class EventFactory {

    /** Longer values are cut: a dimension is a label, not a payload, and a hit must not grow the log unboundedly. */
    static final int MAX_VALUE_LENGTH = 1024;

    private final Clock clock;

    public EventFactory(Clock clock) {
        this.clock = clock;
    }

    public Event build(EventTypeDefinition type, Hit hit) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS); // ids and logs carry milliseconds
        Event.Builder event = Event.builder(TimeOrderedIds.next(now.toEpochMilli()), type.eventType(), now);
        for (DimensionRule rule : type.dimensions()) {
            String value = hit.queryParameter(rule.queryParameter());
            if (value != null && !value.isEmpty()) {
                event.dimension(rule.dimension(),
                        value.length() > MAX_VALUE_LENGTH ? value.substring(0, MAX_VALUE_LENGTH) : value);
            }
        }
        return event.build();
    }
}

package io.tracker.processing.spi;

import java.util.List;

/**
 * What became of a hit: for a simple hit one item, for a JSON array one item per element.
 *
 * @param acceptance the overall answer
 * @param items      per event, in request order; empty when the whole request was refused
 */
public record Outcome(Acceptance acceptance, List<Item> items) {

    public Outcome {
        items = List.copyOf(items);
    }

    /** Refused as a whole: the journal or a preprocessor could not take it. */
    public static Outcome overloaded() {
        return new Outcome(Acceptance.OVERLOADED, List.of());
    }

    /** Nothing in the request could be read as an event at all (e.g. a body that is not JSON). */
    public static Outcome malformed(String reason) {
        return new Outcome(Acceptance.INVALID, List.of(Item.rejected(0, List.of(reason))));
    }

    /**
     * One event's fate.
     *
     * @param index    position in the request (0 for a simple hit)
     * @param accepted whether the event was taken (journaled, or dropped on purpose by a preprocessor)
     * @param eventId  the event's id when accepted
     * @param errors   why it was rejected: each names the field and the problem
     */
    public record Item(int index, boolean accepted, String eventId, List<String> errors) {

        public Item {
            errors = List.copyOf(errors);
        }

        public static Item accepted(int index, String eventId) {
            return new Item(index, true, eventId, List.of());
        }

        public static Item rejected(int index, List<String> errors) {
            return new Item(index, false, null, errors);
        }
    }
}

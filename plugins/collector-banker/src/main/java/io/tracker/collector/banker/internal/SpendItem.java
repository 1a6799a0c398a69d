package io.tracker.collector.banker.internal;

import java.time.Instant;
import java.util.Comparator;

/**
 * The spend of one event: what the banker counts once per {@code (eventType, eventId)}.
 *
 * @param amountMicros whole micros of {@code currency}, 0 to {@link Micros#MAX_EVENT_MICROS}
 */
record SpendItem(String eventType, String eventId, Instant time, String account, String campaign, String lineItem,
        String currency, long amountMicros) {

    /** Report order: by line, then by event; the same events give the same report bytes, whatever their order. */
    static final Comparator<SpendItem> REPORT_ORDER = Comparator.comparing(SpendItem::lineKey)
            .thenComparing(SpendItem::eventType).thenComparing(SpendItem::eventId);

    /** The identity under which banker deduplicates: an event type and its id. */
    EventKey eventKey() {
        return new EventKey(eventType, eventId);
    }

    /** The line this spend adds to: account, campaign, line item and currency. */
    LineKey lineKey() {
        return new LineKey(account, campaign, lineItem, currency);
    }

    record EventKey(String type, String id) {
    }

    record LineKey(String account, String campaign, String lineItem, String currency) implements Comparable<LineKey> {

        private static final Comparator<LineKey> ORDER = Comparator.comparing(LineKey::account)
                .thenComparing(LineKey::campaign).thenComparing(LineKey::lineItem).thenComparing(LineKey::currency);

        @Override
        public int compareTo(LineKey other) {
            return ORDER.compare(this, other);
        }
    }
}

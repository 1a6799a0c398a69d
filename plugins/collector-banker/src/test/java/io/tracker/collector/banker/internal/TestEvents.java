package io.tracker.collector.banker.internal;

import io.tracker.api.Event;
import java.math.BigDecimal;
import java.time.Instant;

/** Events as the default event types build them: cid, lid, currency dimensions; price, cpc, value metrics. */
final class TestEvents {

    static final Instant TIME = Instant.parse("2026-11-28T10:15:30.123Z");

    private TestEvents() {
    }

    /** An impression with a clearing price (CPM, decimal) in {@code currency}, or the default if null. */
    static Event impression(String id, String campaign, String lineItem, String cpm, String currency) {
        return priced("impression", id, campaign, lineItem, "price", new BigDecimal(cpm), currency);
    }

    static Event click(String id, String campaign, String lineItem, String cpc, String currency) {
        return priced("click", id, campaign, lineItem, "cpc", new BigDecimal(cpc), currency);
    }

    static Event conversion(String id, String campaign, String lineItem, String value, String currency) {
        return priced("conversion", id, campaign, lineItem, "value", new BigDecimal(value), currency);
    }

    static Event priced(String type, String id, String campaign, String lineItem, String metric, Number price,
            String currency) {
        Event.Builder event = Event.builder(id, type, TIME).dimension("cid", campaign).dimension("lid", lineItem)
                .dimension("currency", currency);
        return price == null ? event.build() : event.metric(metric, price).build();
    }
}

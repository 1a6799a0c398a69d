package io.tracker.collector.banker.internal;

import io.tracker.api.Event;

/**
 * How one event type carries its price: {@code price.<type> = metric:<name>} or {@code dimension:<name>},
 * and {@code price.<type>.unit}.
 *
 * @param fromMetric true for {@code metric:<name>}, false for {@code dimension:<name>}
 */
record PriceRule(String eventType, boolean fromMetric, String name, PriceUnit unit) {

    static final String METRIC_PREFIX = "metric:";
    static final String DIMENSION_PREFIX = "dimension:";

    /** @return the price as the event carries it (a number or a text), or null if it has none */
    Object read(Event event) {
        return fromMetric ? event.metrics().get(name) : event.dimensions().get(name);
    }

    @Override
    public String toString() {
        return eventType + "=" + (fromMetric ? METRIC_PREFIX : DIMENSION_PREFIX) + name + " (" + unit.configName() + ")";
    }
}

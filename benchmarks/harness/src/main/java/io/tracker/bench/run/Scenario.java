package io.tracker.bench.run;

import io.tracker.bench.load.Request;
import java.util.List;

/**
 * What one scenario sends: one request kind, or a weighted mix of them.
 *
 * @param name     e.g. {@code pixel}, {@code mix}
 * @param requests the request kinds with their weights and events per request
 */
public record Scenario(String name, List<Request> requests) {

    public Scenario {
        requests = List.copyOf(requests);
        if (requests.isEmpty()) {
            throw new IllegalArgumentException("scenario " + name + " sends nothing");
        }
    }

    /**
     * Events one acknowledged request produces. wrk only counts answers, not which request kind got
     * them, so a scenario counted through wrk must give every request kind the same number of events.
     */
    public int eventsPerRequest() {
        int events = requests.get(0).events();
        for (Request request : requests) {
            if (request.events() != events) {
                throw new IllegalStateException("scenario " + name + " mixes requests of "
                        + events + " and " + request.events() + " events; wrk cannot count its events");
            }
        }
        return events;
    }

    /** Requests per second that offer {@code eventsPerSecond} (at least one request per second). */
    public int requestRateFor(int eventsPerSecond) {
        return Math.max(1, eventsPerSecond / eventsPerRequest());
    }
}

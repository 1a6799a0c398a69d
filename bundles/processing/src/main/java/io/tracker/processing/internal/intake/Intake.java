package io.tracker.processing.internal.intake;

import io.tracker.api.Event;
import io.tracker.api.EventCollector;
import io.tracker.processing.internal.dispatch.CollectorDispatcher;
import io.tracker.processing.internal.dispatch.DispatchSettings;
import io.tracker.processing.internal.dispatch.EventTypeFilter;
import io.tracker.processing.internal.event.EventFactory;
import io.tracker.processing.internal.eventtype.EventTypeDefinition;
import io.tracker.processing.internal.eventtype.EventTypeRegistry;
import io.tracker.processing.spi.Acceptance;
import io.tracker.processing.spi.EventIntake;
import io.tracker.processing.spi.Hit;
import io.tracker.processing.spi.Route;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes hits to event types and events to the dispatchers of the collectors attached to them.
 *
 * <p>Request threads read the dispatchers from a volatile copy-on-write array, without locks and
 * without service look-ups; attaching and detaching collectors (rare) replace the array under the
 * object's monitor.
 */
public final class Intake implements EventIntake {

    private static final Logger LOG = LoggerFactory.getLogger(Intake.class);

    private final EventTypeRegistry eventTypes;
    private final EventFactory eventFactory;
    private volatile DispatchSettings settings;
    private volatile CollectorDispatcher[] dispatchers = new CollectorDispatcher[0];
    /** Event types already reported as having no collector, so the warning is logged once per type. */
    private final Set<String> unroutedTypes = ConcurrentHashMap.newKeySet();

    public Intake(EventTypeRegistry eventTypes, EventFactory eventFactory, DispatchSettings settings) {
        this.eventTypes = eventTypes;
        this.eventFactory = eventFactory;
        this.settings = settings;
    }

    @Override
    public Route route(String path) {
        return eventTypes.route(path);
    }

    /** @param route a route returned by {@link #route(String)} */
    @Override
    public Acceptance accept(Route route, Hit hit) {
        EventTypeDefinition type = (EventTypeDefinition) route;
        String typeName = type.eventType();
        CollectorDispatcher[] current = dispatchers;
        boolean routed = false;
        for (CollectorDispatcher dispatcher : current) {
            if (dispatcher.accepts(typeName)) {
                routed = true;
                if (!dispatcher.hasRoom()) {
                    return Acceptance.OVERLOADED;
                }
            }
        }
        Event event = eventFactory.build(type, hit);
        boolean taken = true;
        for (CollectorDispatcher dispatcher : current) {
            if (dispatcher.accepts(typeName) && !dispatcher.offer(event)) {
                // another request filled the last slot since the check above, or the collector began to
                // detach: refuse the hit so the client retries. Collectors that took the event may get it
                // again on the retry, which at-least-once delivery allows; losing it would not be.
                taken = false;
            }
        }
        if (!routed && unroutedTypes.add(typeName)) {
            LOG.warn("Event type '{}' has no collector attached: its events are not stored", typeName);
        }
        return taken ? Acceptance.ACCEPTED : Acceptance.OVERLOADED;
    }

    /** Settings for collectors attached from now on. */
    public void useSettings(DispatchSettings settings) {
        this.settings = settings;
    }

    public synchronized void attach(String name, EventCollector collector, EventTypeFilter filter) {
        CollectorDispatcher dispatcher = new CollectorDispatcher(name, collector, filter, settings);
        dispatcher.start();
        CollectorDispatcher[] next = Arrays.copyOf(dispatchers, dispatchers.length + 1);
        next[next.length - 1] = dispatcher;
        dispatchers = next;
        unroutedTypes.clear();
    }

    public synchronized void reattach(EventCollector collector, EventTypeFilter filter) {
        for (CollectorDispatcher dispatcher : dispatchers) {
            if (dispatcher.collector() == collector) {
                dispatcher.attachTo(filter);
            }
        }
        unroutedTypes.clear();
    }

    /** Detaches a collector after delivering its backlog to it, waiting at most {@code drainTimeoutMs}. */
    public void detach(EventCollector collector, long drainTimeoutMs) {
        CollectorDispatcher removed = null;
        synchronized (this) {
            CollectorDispatcher[] current = dispatchers;
            for (int i = 0; i < current.length; i++) {
                if (current[i].collector() == collector) {
                    removed = current[i];
                    CollectorDispatcher[] next = new CollectorDispatcher[current.length - 1];
                    System.arraycopy(current, 0, next, 0, i);
                    System.arraycopy(current, i + 1, next, i, current.length - i - 1);
                    dispatchers = next;
                    break;
                }
            }
        }
        if (removed != null) {
            removed.stop(drainTimeoutMs);
        }
    }

    /** Drains every collector's backlog in parallel, waiting at most {@code drainTimeoutMs} in all. */
    public void close(long drainTimeoutMs) {
        CollectorDispatcher[] closing;
        synchronized (this) {
            closing = dispatchers;
            dispatchers = new CollectorDispatcher[0];
        }
        long deadline = System.nanoTime() + drainTimeoutMs * 1_000_000L;
        for (CollectorDispatcher dispatcher : closing) {
            dispatcher.beginStop();
        }
        for (CollectorDispatcher dispatcher : closing) {
            dispatcher.awaitStop((deadline - System.nanoTime()) / 1_000_000L);
        }
    }
}

package io.tracker.api;

import java.util.List;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Where events go: a log file, a Kafka topic, the banker, a user's own system.
 *
 * <p>Register an implementation as an OSGi service with the property
 * {@value PluginProperties#COLLECTOR_NAME} (a stable name used in configuration and in the console) and
 * {@value PluginProperties#EVENT_TYPES} (the event types it receives, comma-separated, or {@code *}).
 *
 * <p><b>Threading.</b> Each collector service gets its own dispatcher thread; {@link #collect(List)} is
 * never called concurrently for one service object, and never on a request thread, so a slow collector
 * only delays itself.
 *
 * <p><b>Failure.</b> Throwing from {@link #collect(List)} means "not delivered": the tracker keeps the
 * whole batch and calls again later with backoff. Delivery is therefore at-least-once; an event that is
 * delivered twice has the same {@link Event#id()}.
 *
 * <p><b>Durability.</b> Events come from the tracker's journal, through a cursor kept per collector name.
 * A collector that is upgraded, restarted or re-installed under the same name continues where it left
 * off; see {@link PluginProperties#START_POSITION} and {@link PluginProperties#OVERFLOW_POLICY}.
 */
@ConsumerType
public interface EventCollector {

    /**
     * Delivers a batch of events.
     *
     * @param batch one or more events, in the order they were accepted; unmodifiable
     * @throws Exception if the batch could not be delivered; it will be retried
     */
    void collect(List<Event> batch) throws Exception;
}

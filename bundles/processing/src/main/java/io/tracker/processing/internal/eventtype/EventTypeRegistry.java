package io.tracker.processing.internal.eventtype;

import java.util.HashMap;
import java.util.Map;
import org.osgi.service.component.annotations.Component;

/**
 * The event types currently configured, by configuration PID and by path.
 *
 * <p>Request threads read an immutable snapshot through a volatile field, without locks; the rare
 * configuration changes build a new snapshot under the object's monitor.
 */
@Component(service = EventTypeRegistry.class)
public final class EventTypeRegistry {

    private final Map<String, EventTypeDefinition> byPid = new HashMap<>();
    private volatile Map<String, EventTypeDefinition> byPath = Map.of();

    /** The event type at a path, or null. */
    public EventTypeDefinition route(String path) {
        return byPath.get(path);
    }

    /**
     * Adds an event type, or replaces the one registered under the same PID.
     *
     * @throws InvalidEventTypeException if another configuration already uses the name or the path
     */
    public synchronized void register(String pid, EventTypeDefinition definition, String source)
            throws InvalidEventTypeException {
        for (Map.Entry<String, EventTypeDefinition> entry : byPid.entrySet()) {
            if (entry.getKey().equals(pid)) {
                continue;
            }
            EventTypeDefinition other = entry.getValue();
            if (other.path().equals(definition.path())) {
                throw new InvalidEventTypeException(source + ": key 'path' = '" + definition.path()
                        + "': already used by event type '" + other.eventType() + "'");
            }
            if (other.eventType().equals(definition.eventType())) {
                throw new InvalidEventTypeException(source + ": key 'name' = '" + definition.eventType()
                        + "': another configuration already defines this event type");
            }
        }
        byPid.put(pid, definition);
        publish();
    }

    public synchronized void unregister(String pid) {
        if (byPid.remove(pid) != null) {
            publish();
        }
    }

    private void publish() {
        Map<String, EventTypeDefinition> snapshot = new HashMap<>();
        byPid.values().forEach(definition -> snapshot.put(definition.path(), definition));
        byPath = Map.copyOf(snapshot);
    }
}

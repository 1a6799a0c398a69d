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
    /** Types whose path has variables, most specific (fewest variables) first. */
    private volatile EventTypeDefinition[] templated = new EventTypeDefinition[0];

    /** The event type serving a path, or null: exact paths first, then paths with variables. */
    public EventTypeDefinition route(String path) {
        EventTypeDefinition exact = byPath.get(path);
        if (exact != null) {
            return exact;
        }
        for (EventTypeDefinition type : templated) {
            if (type.pathTemplate().match(path) != null) {
                return type;
            }
        }
        return null;
    }

    /**
     * Adds an event type, or replaces the one registered under the same PID.
     *
     * Two configurations may define the same event type at different paths (a pixel and a JSON API for
     * conversions, say): collectors attach to the type, not to the path.
     *
     * @throws InvalidEventTypeException if another configuration already uses the path
     */
    public synchronized void register(String pid, EventTypeDefinition definition, String source)
            throws InvalidEventTypeException {
        for (Map.Entry<String, EventTypeDefinition> entry : byPid.entrySet()) {
            if (entry.getKey().equals(pid)) {
                continue;
            }
            EventTypeDefinition other = entry.getValue();
            if (samePaths(other, definition)) {
                throw new InvalidEventTypeException(source + ": key 'path' = '" + definition.path()
                        + "': already used by event type '" + other.eventType() + "'");
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

    /** Whether two types match the same paths: equal templates up to their variables' names. */
    private static boolean samePaths(EventTypeDefinition a, EventTypeDefinition b) {
        return a.path().replaceAll("\\{[^}]*}", "{}").equals(b.path().replaceAll("\\{[^}]*}", "{}"));
    }

    private void publish() {
        Map<String, EventTypeDefinition> exact = new HashMap<>();
        java.util.List<EventTypeDefinition> withVariables = new java.util.ArrayList<>();
        for (EventTypeDefinition definition : byPid.values()) {
            if (definition.pathTemplate().exact()) {
                exact.put(definition.path(), definition);
            } else {
                withVariables.add(definition);
            }
        }
        withVariables.sort(java.util.Comparator
                .comparingInt((EventTypeDefinition d) -> d.pathTemplate().variables().size())
                .thenComparing(EventTypeDefinition::path));
        byPath = Map.copyOf(exact);
        templated = withVariables.toArray(new EventTypeDefinition[0]);
    }
}

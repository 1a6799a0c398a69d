package io.tracker.processing.internal.dispatch;

import io.tracker.api.PluginProperties;
import java.util.Arrays;
import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The event types a collector is attached to, from its {@code event.types} service property. */
public final class EventTypeFilter {

    private final boolean all;
    private final Set<String> types;

    private EventTypeFilter(boolean all, Set<String> types) {
        this.all = all;
        this.types = types;
    }

    /**
     * @param property a comma-separated string, a string array or a collection; {@code *} means every
     *                 type; null or empty attaches the collector to nothing
     */
    public static EventTypeFilter of(Object property) {
        Stream<String> values;
        if (property == null) {
            values = Stream.empty();
        } else if (property instanceof String[]) {
            values = Arrays.stream((String[]) property);
        } else if (property instanceof Collection<?>) {
            values = ((Collection<?>) property).stream().map(String::valueOf);
        } else {
            values = Stream.of(property.toString());
        }
        Set<String> types = values.flatMap(value -> Arrays.stream(value.split(",")))
                .map(String::trim).filter(type -> !type.isEmpty()).collect(Collectors.toUnmodifiableSet());
        return new EventTypeFilter(types.contains(PluginProperties.ALL_EVENT_TYPES), types);
    }

    public boolean accepts(String eventType) {
        return all || types.contains(eventType);
    }

    @Override
    public String toString() {
        return all ? PluginProperties.ALL_EVENT_TYPES : String.join(",", types);
    }
}

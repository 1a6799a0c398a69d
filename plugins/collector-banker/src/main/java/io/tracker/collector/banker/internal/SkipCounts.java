package io.tracker.collector.banker.internal;

import java.util.EnumMap;
import java.util.Map;

/**
 * Skipped events of one batch by reason, with the first event id of each for the log. Not thread-safe:
 * one batch, one thread.
 */
final class SkipCounts {

    private final Map<SkipReason, Integer> counts = new EnumMap<>(SkipReason.class);
    private final Map<SkipReason, String> firstIds = new EnumMap<>(SkipReason.class);

    void add(SkipReason reason, String eventId) {
        counts.merge(reason, 1, Integer::sum);
        firstIds.putIfAbsent(reason, eventId);
    }

    int count(SkipReason reason) {
        return counts.getOrDefault(reason, 0);
    }

    int total() {
        return counts.values().stream().mapToInt(Integer::intValue).sum();
    }

    boolean anyWorthAWarning() {
        return counts.keySet().stream().anyMatch(SkipReason::worthAWarning);
    }

    Map<SkipReason, Integer> asMap() {
        return Map.copyOf(counts);
    }

    /** For the log: {@code no price: 2 (first e17), negative price: 1 (first e3)}. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        for (Map.Entry<SkipReason, Integer> count : counts.entrySet()) {
            text.append(text.length() == 0 ? "" : ", ").append(count.getKey().description()).append(": ")
                    .append(count.getValue()).append(" (first ").append(firstIds.get(count.getKey())).append(')');
        }
        return text.toString();
    }
}

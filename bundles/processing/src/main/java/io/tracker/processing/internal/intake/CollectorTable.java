package io.tracker.processing.internal.intake;

import io.tracker.processing.internal.dispatch.CollectorDispatcher;
import io.tracker.processing.internal.dispatch.CursorStore;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Formats the collectors' status for the console, one line per collector. */
final class CollectorTable {

    private static final String FORMAT = "%-16s %-9s %-28s %10s %8s %12s %8s %8s  %s%n";

    private CollectorTable() {
    }

    static String render(List<CollectorDispatcher> attached, Map<String, CursorStore.Cursor> retained, long journalEnd) {
        StringBuilder table = new StringBuilder(String.format(FORMAT, "COLLECTOR", "STATE", "VERSION", "LAG", "LAG(s)",
                "DELIVERED", "FAILED", "DROPPED", "LAST ERROR"));
        for (CollectorDispatcher dispatcher : attached) {
            table.append(String.format(FORMAT, dispatcher.name(), dispatcher.state(), dispatcher.version(),
                    dispatcher.lagEvents(), dispatcher.lagSeconds(), dispatcher.deliveredCount(),
                    dispatcher.failedAttemptCount(), dispatcher.droppedCount(), dispatcher.lastError()));
        }
        for (Map.Entry<String, CursorStore.Cursor> entry : retained.entrySet()) {
            long lag = Math.max(0, journalEnd - entry.getValue().position().offset());
            table.append(String.format(FORMAT, entry.getKey(), "DETACHED", "-", lag, "-", "-", "-", "-",
                    "detached since " + Instant.ofEpochMilli(entry.getValue().detachedAtMs())));
        }
        return table.toString();
    }
}

package io.tracker.collector.banker.internal;

import java.util.List;

/**
 * One request to banker: spend summed per line, each line listing the events it covers so that banker can
 * count every event once whichever report carries it.
 *
 * @param source the collector's name, for banker's audit trail
 * @param lines  in {@link SpendItem.LineKey} order, each with at least one event
 */
record SpendReport(String source, List<Line> lines) {

    SpendReport {
        lines = List.copyOf(lines);
    }

    int eventCount() {
        return lines.stream().mapToInt(line -> line.events().size()).sum();
    }

    /**
     * @param amountMicros the sum of the events' amounts
     * @param events       in {@link SpendItem#REPORT_ORDER}
     */
    record Line(SpendItem.LineKey key, long amountMicros, List<SpendItem> events) {

        Line {
            events = List.copyOf(events);
        }
    }
}

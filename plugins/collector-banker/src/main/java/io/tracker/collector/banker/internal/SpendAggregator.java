package io.tracker.collector.banker.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Sums a batch's spend per (account, campaign, line item, currency) into reports of at most
 * {@code maxEventsPerReport} events.
 *
 * <p>Deterministic: the same set of events always gives the same reports, in any input order, so a batch
 * delivered again is sent again byte for byte (and banker replays its first answer). An event type and id
 * seen twice in one batch is reported once, the first time. Stateless.
 */
final class SpendAggregator {

    private SpendAggregator() {
    }

    /** @param skips receives the {@link SkipReason#DUPLICATE_IN_BATCH} repeats */
    static List<SpendReport> aggregate(String source, Collection<SpendItem> items, int maxEventsPerReport,
            SkipCounts skips) {
        Map<SpendItem.EventKey, SpendItem> unique = new LinkedHashMap<>();
        for (SpendItem item : items) {
            if (unique.putIfAbsent(item.eventKey(), item) != null) {
                skips.add(SkipReason.DUPLICATE_IN_BATCH, item.eventId());
            }
        }
        List<SpendItem> sorted = new ArrayList<>(unique.values());
        sorted.sort(SpendItem.REPORT_ORDER);
        List<SpendReport> reports = new ArrayList<>();
        for (int from = 0; from < sorted.size(); from += maxEventsPerReport) {
            List<SpendItem> chunk = sorted.subList(from, Math.min(sorted.size(), from + maxEventsPerReport));
            reports.add(new SpendReport(source, lines(chunk)));
        }
        return reports;
    }

    /** @param sorted in report order, so each line's events are adjacent */
    private static List<SpendReport.Line> lines(List<SpendItem> sorted) {
        List<SpendReport.Line> lines = new ArrayList<>();
        int start = 0;
        while (start < sorted.size()) {
            SpendItem.LineKey key = sorted.get(start).lineKey();
            int end = start;
            long amountMicros = 0;
            while (end < sorted.size() && sorted.get(end).lineKey().equals(key)) {
                // cannot overflow: at most 100,000 events of at most 10^13 micros each
                amountMicros += sorted.get(end).amountMicros();
                end++;
            }
            lines.add(new SpendReport.Line(key, amountMicros, sorted.subList(start, end)));
            start = end;
        }
        return lines;
    }
}

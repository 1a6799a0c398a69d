package io.tracker.bench.report;

import io.tracker.bench.result.Delivery;
import io.tracker.bench.result.Latency;
import io.tracker.bench.result.Measurement;
import io.tracker.bench.result.Resources;
import java.util.List;

/**
 * The columns of the measurement table, as text cells: the console, the Markdown and the HTML tables all
 * show exactly these.
 */
final class MeasurementTable {

    /** Marks a delivery cell whose events did not all arrive. */
    static final String LOST = "LOST";

    static final List<String> HEADERS = List.of("target", "scenario", "mode", "conn", "rate", "req/s", "err %",
            "p50 ms", "p90 ms", "p99 ms", "p99.9 ms", "max ms", "CPU cores", "RSS MiB", "heap MiB",
            "delivered/acked");

    /** Which columns hold numbers (right-aligned). */
    static final List<Boolean> NUMERIC = List.of(false, false, false, true, true, true, true, true, true, true,
            true, true, true, true, true, true);

    private MeasurementTable() {
    }

    static List<String> cells(Measurement m) {
        Latency l = m.latency();
        Resources r = m.resources();
        return List.of(m.target(), m.scenario(), m.mode(), String.valueOf(m.connections()),
                m.targetRate() > 0 ? Formats.integer(m.targetRate()) : Formats.NONE,
                Formats.integer(m.requestsPerSecond()), Formats.percent(m.errorRatio()),
                l == null ? Formats.NONE : Formats.millis(l.p50Ms()),
                l == null ? Formats.NONE : Formats.millis(l.p90Ms()),
                l == null ? Formats.NONE : Formats.millis(l.p99Ms()),
                l == null ? Formats.NONE : Formats.millis(l.p999Ms()),
                l == null ? Formats.NONE : Formats.millis(l.maxMs()),
                r == null ? Formats.NONE : Formats.cores(r.cpuCores()),
                r == null ? Formats.NONE : Formats.mebibytes(r.peakRssBytes()),
                r == null ? Formats.NONE : Formats.mebibytes(r.heapAfterGcBytes()),
                delivery(m.delivery()));
    }

    static boolean lost(Measurement m) {
        return m.delivery() != null && !m.delivery().complete();
    }

    private static String delivery(Delivery d) {
        if (d == null) {
            return Formats.NONE;
        }
        String counts = Formats.integer(d.delivered()) + "/" + Formats.integer(d.acknowledged());
        return d.complete() ? counts : counts + " " + LOST;
    }
}

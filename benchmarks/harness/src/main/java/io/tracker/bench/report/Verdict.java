package io.tracker.bench.report;

import io.tracker.bench.result.BenchmarkReport;
import io.tracker.bench.result.Delivery;
import io.tracker.bench.result.Measurement;
import java.util.ArrayList;
import java.util.List;

/**
 * What makes a run fail: failed requests and lost (or duplicated) events. Timings never do, because a shared
 * CI machine makes them noisy; they are for people to read.
 */
public final class Verdict {

    private Verdict() {
    }

    /** One human-readable line per problem, naming target and load; empty when the run is sound. */
    public static List<String> problems(BenchmarkReport report) {
        List<String> problems = new ArrayList<>();
        for (Measurement m : report.measurements()) {
            String who = m.target() + " (" + Formats.load(m) + "): ";
            if (m.errors() > 0) {
                problems.add(who + Formats.integer(m.errors()) + " failed requests of "
                        + Formats.integer(m.requests() + m.errors()) + " (" + Formats.percent(m.errorRatio()) + " %)");
            }
            Delivery d = m.delivery();
            if (d != null && d.lost() > 0) {
                problems.add(who + Formats.integer(d.lost()) + " acknowledged events lost (acknowledged "
                        + Formats.integer(d.acknowledged()) + ", delivered " + Formats.integer(d.delivered()) + ")");
            }
            if (d != null && d.delivered() > d.sent()) {
                problems.add(who + "more events delivered than sent, duplicates (sent " + Formats.integer(d.sent())
                        + ", delivered " + Formats.integer(d.delivered()) + ")");
            }
        }
        return problems;
    }
}

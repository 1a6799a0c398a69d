package io.tracker.bench.report;

import io.tracker.bench.result.BenchmarkReport;
import io.tracker.bench.result.Measurement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The tracker as a fraction of each peer. Measurements are compared only under the same load: same scenario,
 * mode, connections and target rate; a load the tracker or every peer lacks yields no ratio.
 */
final class Ratios {

    static final String TRACKER = "tracker";

    private Ratios() {
    }

    static List<Ratio> of(BenchmarkReport report) {
        Map<String, List<Measurement>> byLoad = new LinkedHashMap<>();
        for (Measurement m : report.measurements()) {
            byLoad.computeIfAbsent(Formats.load(m), load -> new ArrayList<>()).add(m);
        }
        List<Ratio> ratios = new ArrayList<>();
        byLoad.forEach((load, measurements) -> tracker(measurements).ifPresent(tracker -> {
            for (Measurement peer : measurements) {
                if (!peer.target().equals(TRACKER)) {
                    ratios.addAll(compare(load, tracker, peer));
                }
            }
        }));
        return ratios;
    }

    private static Optional<Measurement> tracker(List<Measurement> measurements) {
        return measurements.stream().filter(m -> m.target().equals(TRACKER)).findFirst();
    }

    private static List<Ratio> compare(String load, Measurement tracker, Measurement peer) {
        if ("latency".equals(tracker.mode())) {
            if (tracker.latency() == null || peer.latency() == null) {
                return List.of();
            }
            return List.of(
                    new Ratio(load, peer.target(), "p99", divide(tracker.latency().p99Ms(), peer.latency().p99Ms())),
                    new Ratio(load, peer.target(), "p99.9",
                            divide(tracker.latency().p999Ms(), peer.latency().p999Ms())));
        }
        return List.of(new Ratio(load, peer.target(), "req/s",
                divide(tracker.requestsPerSecond(), peer.requestsPerSecond())));
    }

    private static double divide(double tracker, double peer) {
        return peer == 0 ? Double.NaN : tracker / peer;
    }
}

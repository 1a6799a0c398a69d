package io.tracker.bench.report;

import io.tracker.bench.result.BenchmarkReport;
import io.tracker.bench.result.Delivery;
import io.tracker.bench.result.Latency;
import io.tracker.bench.result.Machine;
import io.tracker.bench.result.Measurement;
import io.tracker.bench.result.Resources;
import java.util.ArrayList;
import java.util.List;

/** Reports built by hand for the report tests: the tracker and both peers, in both modes. */
final class SampleReports {

    static final Machine MACHINE = new Machine("Test CPU <x86>", 2, 8L << 30, "Linux 6.1", "17.0.15", "1.22.1",
            "4.2.0");

    private SampleReports() {
    }

    static Measurement throughput(String target, String scenario, double rps, long errors, Delivery delivery) {
        return new Measurement(target, scenario, "throughput", 64, 0, 10, (long) (rps * 10), errors, rps,
                new Latency(1.5, 3.0, 9.0, 20.0, 45.0), new Resources(1.25, 300L << 20, 80L << 20), delivery);
    }

    static Measurement latency(String target, String scenario, double p99, double p999) {
        return new Measurement(target, scenario, "latency", 64, 5_000, 10, 50_000, 0, 5_000,
                new Latency(0.25, 0.5, p99, p999, p999 * 3), new Resources(0.5, 20L << 20, -1), null);
    }

    /** Tracker, nginx and the Jetty peer on pixel in both modes, the tracker alone on click. */
    static List<Measurement> fine() {
        return new ArrayList<>(List.of(
                throughput("tracker", "pixel", 40_000, 0, new Delivery(400_000, 400_064, 400_000)),
                throughput("nginx", "pixel", 80_000, 0, null),
                throughput("jetty-peer", "pixel", 50_000, 0, null),
                latency("tracker", "pixel", 2.0, 8.0),
                latency("nginx", "pixel", 0.5, 1.0),
                latency("jetty-peer", "pixel", 1.0, 4.0),
                throughput("tracker", "click", 30_000, 0, new Delivery(300_000, 300_000, 300_000))));
    }

    static BenchmarkReport report(List<Measurement> measurements, boolean smoke) {
        return new BenchmarkReport("2025-06-01T10:00:00Z", smoke, MACHINE, measurements,
                List.of("profiles/tracker-pixel.html"));
    }
}

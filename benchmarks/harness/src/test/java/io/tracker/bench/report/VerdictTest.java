package io.tracker.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.tracker.bench.result.Delivery;
import io.tracker.bench.result.Measurement;
import java.util.List;
import org.junit.jupiter.api.Test;

class VerdictTest {

    @Test
    void aSoundRunHasNoProblemsWhateverItsTimings() {
        List<Measurement> measurements = SampleReports.fine();
        measurements.add(SampleReports.latency("tracker", "mix", 9_000, 60_000));

        assertThat(Verdict.problems(SampleReports.report(measurements, false))).isEmpty();
    }

    @Test
    void reportsFailedRequestsLostAndDuplicatedEvents() {
        List<Measurement> measurements = List.of(
                SampleReports.throughput("tracker", "pixel", 40_000, 12, new Delivery(400_000, 400_064, 399_963)),
                SampleReports.throughput("tracker", "click", 30_000, 0, new Delivery(300_000, 300_000, 300_005)),
                SampleReports.throughput("nginx", "pixel", 80_000, 3, null));

        assertThat(Verdict.problems(SampleReports.report(measurements, false))).containsExactly(
                "tracker (pixel throughput, 64 connections): 12 failed requests of 400,012 (0.003 %)",
                "tracker (pixel throughput, 64 connections): 37 acknowledged events lost (acknowledged 400,000,"
                        + " delivered 399,963)",
                "tracker (click throughput, 64 connections): more events delivered than sent, duplicates"
                        + " (sent 300,000, delivered 300,005)",
                "nginx (pixel throughput, 64 connections): 3 failed requests of 800,003 (0.000 %)");
    }
}

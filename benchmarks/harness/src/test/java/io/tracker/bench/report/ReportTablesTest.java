package io.tracker.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.tracker.bench.result.BenchmarkReport;
import io.tracker.bench.result.Delivery;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportTablesTest {

    private final BenchmarkReport report = SampleReports.report(SampleReports.fine(), false);

    @Test
    void consoleTableAlignsEveryMeasurementAndTheRatios() {
        String table = ReportTables.consoleTable(report);
        List<String> lines = table.lines().toList();

        assertThat(lines.get(0)).startsWith("target").contains("req/s", "p99.9 ms", "delivered/acked");
        assertThat(lines.subList(1, 8)).allSatisfy(line -> assertThat(line).hasSameSizeAs(lines.get(1)));
        assertThat(table).contains("40,000", "400,000/400,000", "Tracker as a fraction of each peer")
                .containsPattern("pixel throughput, 64 connections +nginx +req/s +0\\.50")
                .containsPattern("pixel latency, 64 connections, 5,000 req/s +jetty-peer +p99\\.9 +2\\.00")
                .doesNotContain("SMOKE");
    }

    @Test
    void markdownTableHasTheSameColumnsAndTheRatios() {
        String markdown = ReportTables.markdownTable(report);
        List<String> lines = markdown.lines().toList();

        assertThat(lines.get(0)).isEqualTo("| " + String.join(" | ", MeasurementTable.HEADERS) + " |");
        assertThat(lines.get(1)).startsWith("|---|---|---|---:|");
        assertThat(markdown).contains("| tracker | pixel | throughput | 64 | – | 40,000 | 0.000 |")
                .contains("| pixel throughput, 64 connections | jetty-peer | req/s | 0.80 |")
                .contains("| pixel latency, 64 connections, 5,000 req/s | nginx | p99 | 4.00 |");
    }

    @Test
    void smokeRunsAndLostEventsAreMarked() {
        BenchmarkReport lossy = SampleReports.report(List.of(SampleReports.throughput("tracker", "pixel", 100, 0,
                new Delivery(1_000, 1_010, 990))), true);

        assertThat(ReportTables.consoleTable(lossy)).startsWith("SMOKE RUN").contains("990/1,000 LOST");
        assertThat(ReportTables.markdownTable(lossy)).contains("990/1,000 LOST");
    }
}

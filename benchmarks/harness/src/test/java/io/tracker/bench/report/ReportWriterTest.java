package io.tracker.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.tracker.bench.result.BenchmarkReport;
import io.tracker.bench.result.Delivery;
import io.tracker.bench.result.Measurement;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportWriterTest {

    @TempDir
    Path directory;

    private static String ratio(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }

    @Test
    void writesDataPageAndOneChartPerFedView() throws IOException {
        ReportWriter.write(SampleReports.report(SampleReports.fine(), false), directory);

        assertThat(directory.resolve("results.json")).isNotEmptyFile();
        assertThat(directory.resolve("index.html")).isNotEmptyFile();
        for (String chart : List.of("throughput.png", "throughput-pixel.png", "latency-pixel.png",
                "throughput-click.png")) {
            BufferedImage image = ImageIO.read(directory.resolve(chart).toFile());
            assertThat(image).as(chart).isNotNull();
            assertThat(image.getWidth()).as(chart).isGreaterThanOrEqualTo(600);
            assertThat(image.getHeight()).as(chart).isGreaterThanOrEqualTo(300);
        }
        assertThat(directory.resolve("latency-click.png")).doesNotExist();
    }

    @Test
    void pageShowsNumbersRatiosChartsAndProfiles() throws IOException {
        ReportWriter.write(SampleReports.report(SampleReports.fine(), false), directory);
        String html = Files.readString(directory.resolve("index.html"));

        assertThat(html).contains("2025-06-01T10:00:00Z", "40,000", "80,000", "50,000", "30,000", "5,000")
                .contains("<td class=\"n\">2.00</td>", "<td class=\"n\">8.00</td>", "<td class=\"n\">24.0</td>")
                .contains("400,000/400,000")
                .contains("Test CPU &lt;x86&gt;")
                .contains("<img src=\"throughput.png\"", "<img src=\"throughput-pixel.png\"",
                        "<img src=\"latency-pixel.png\"", "<img src=\"throughput-click.png\"")
                .contains("<a href=\"profiles/tracker-pixel.html\">")
                .doesNotContain("<script", "http://", "https://", "LOST", "Smoke run", "Problems");
        // Throughput: tracker req/s ÷ peer req/s; latency: tracker p99 (p99.9) ÷ peer p99 (p99.9).
        assertThat(html).contains(
                ratioRow("pixel throughput, 64 connections", "nginx", "req/s", ratio(40_000.0 / 80_000)),
                ratioRow("pixel throughput, 64 connections", "jetty-peer", "req/s", ratio(40_000.0 / 50_000)),
                ratioRow("pixel latency, 64 connections, 5,000 req/s", "nginx", "p99", ratio(2.0 / 0.5)),
                ratioRow("pixel latency, 64 connections, 5,000 req/s", "nginx", "p99.9", ratio(8.0 / 1.0)),
                ratioRow("pixel latency, 64 connections, 5,000 req/s", "jetty-peer", "p99", ratio(2.0 / 1.0)),
                ratioRow("pixel latency, 64 connections, 5,000 req/s", "jetty-peer", "p99.9", ratio(8.0 / 4.0)));
        assertThat(html).doesNotContain("<td>click throughput, 64 connections</td>");
    }

    private static String ratioRow(String load, String peer, String metric, String value) {
        return "<tr><td>" + load + "</td><td>" + peer + "</td><td>" + metric + "</td><td class=\"n\">" + value
                + "</td></tr>";
    }

    @Test
    void pageMarksSmokeRunsLostEventsAndEscapesNames() throws IOException {
        List<Measurement> measurements = SampleReports.fine();
        measurements.set(0, SampleReports.throughput("tracker", "pixel", 40_000, 0,
                new Delivery(400_000, 400_064, 399_990)));
        measurements.add(SampleReports.throughput("<b>evil</b>", "a&b", 1_000, 0, null));
        ReportWriter.write(SampleReports.report(measurements, true), directory);
        String html = Files.readString(directory.resolve("index.html"));

        assertThat(html).contains("Smoke run", "<td class=\"n lost\">399,990/400,000 LOST</td>", "Problems",
                "10 acknowledged events lost")
                .contains("&lt;b&gt;evil&lt;/b&gt;", "a&amp;b")
                .doesNotContain("<b>evil</b>");
        assertThat(directory.resolve("throughput-a_b.png")).isNotEmptyFile();
    }

    @Test
    void resultsJsonRoundTrips() throws IOException {
        BenchmarkReport report = SampleReports.report(SampleReports.fine(), true);
        ReportWriter.write(report, directory);

        assertThat(ReportWriter.read(directory.resolve("results.json"))).isEqualTo(report);
    }

    @Test
    void reRendersFromAnExistingResultsFile() throws IOException {
        ReportWriter.write(SampleReports.report(SampleReports.fine(), false), directory.resolve("first"));

        ReportWriter.main(new String[] {directory.resolve("first/results.json").toString(),
                directory.resolve("second").toString()});

        assertThat(Files.readString(directory.resolve("second/index.html")))
                .isEqualTo(Files.readString(directory.resolve("first/index.html")));
        assertThat(directory.resolve("second/latency-pixel.png")).isNotEmptyFile();
    }
}

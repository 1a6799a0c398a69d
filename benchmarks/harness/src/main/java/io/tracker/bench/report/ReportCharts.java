package io.tracker.bench.report;

import io.tracker.bench.result.BenchmarkReport;
import io.tracker.bench.result.Latency;
import io.tracker.bench.result.Measurement;
import java.awt.Color;
import java.io.IOException;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * The PNG charts: per scenario, requests/s per target (throughput mode) and latency percentiles per target
 * (latency mode, log scale); and one overview of requests/s across scenarios. A chart nothing feeds is not
 * written.
 */
final class ReportCharts {

    static final String THROUGHPUT = "throughput";
    static final String LATENCY = "latency";
    private static final int WIDTH = 900;
    private static final int HEIGHT = 480;
    /** Log axes cannot show 0; sub-microsecond latencies do not occur over a network anyway. */
    private static final double SMALLEST_MS = 0.001;

    static {
        // Charts are drawn on servers without a display; AWT must not look for one.
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    private ReportCharts() {
    }

    /** Writes every chart the report feeds into {@code directory}; returns them in page order. */
    static List<ChartFile> write(BenchmarkReport report, Path directory) throws IOException {
        List<ChartFile> charts = new ArrayList<>();
        JFreeChart overview = overview(report);
        if (overview != null) {
            charts.add(save(overview, directory, "throughput.png"));
        }
        for (String scenario : scenarios(report)) {
            JFreeChart throughput = throughput(report, scenario);
            if (throughput != null) {
                charts.add(save(throughput, directory, "throughput-" + fileSafe(scenario) + ".png"));
            }
            JFreeChart latency = latency(report, scenario);
            if (latency != null) {
                charts.add(save(latency, directory, "latency-" + fileSafe(scenario) + ".png"));
            }
        }
        return charts;
    }

    private static JFreeChart overview(BenchmarkReport report) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (Measurement m : report.measurements()) {
            if (THROUGHPUT.equals(m.mode())) {
                // Several connection counts per scenario: the overview shows the best each target reached.
                Number known = data.getColumnKeys().contains(m.scenario()) && data.getRowKeys().contains(m.target())
                        ? data.getValue(m.target(), m.scenario()) : null;
                if (known == null || known.doubleValue() < m.requestsPerSecond()) {
                    data.setValue(m.requestsPerSecond(), m.target(), m.scenario());
                }
            }
        }
        return data.getRowCount() == 0 ? null : ChartFactory.createBarChart(
                "Throughput by scenario (best req/s per target)", "scenario", "requests/s", data);
    }

    private static JFreeChart throughput(BenchmarkReport report, String scenario) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (Measurement m : report.measurements()) {
            if (THROUGHPUT.equals(m.mode()) && scenario.equals(m.scenario())) {
                data.setValue(m.requestsPerSecond(), m.connections() + " connections", m.target());
            }
        }
        return data.getRowCount() == 0 ? null
                : ChartFactory.createBarChart("Throughput: " + scenario, "target", "requests/s", data);
    }

    private static JFreeChart latency(BenchmarkReport report, String scenario) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (Measurement m : report.measurements()) {
            Latency l = m.latency();
            if (LATENCY.equals(m.mode()) && scenario.equals(m.scenario()) && l != null) {
                String series = m.target() + " @ " + Formats.integer(m.targetRate()) + " req/s";
                data.setValue(Math.max(SMALLEST_MS, l.p50Ms()), series, "p50");
                data.setValue(Math.max(SMALLEST_MS, l.p90Ms()), series, "p90");
                data.setValue(Math.max(SMALLEST_MS, l.p99Ms()), series, "p99");
                data.setValue(Math.max(SMALLEST_MS, l.p999Ms()), series, "p99.9");
                data.setValue(Math.max(SMALLEST_MS, l.maxMs()), series, "max");
            }
        }
        if (data.getRowCount() == 0) {
            return null;
        }
        JFreeChart chart = ChartFactory.createLineChart("Latency from intended send time: " + scenario,
                "percentile", "ms (log scale)", data);
        CategoryPlot plot = chart.getCategoryPlot();
        LogAxis axis = new LogAxis("ms (log scale)");
        axis.setSmallestValue(SMALLEST_MS);
        // One labelled tick per decade, written as plain numbers (0.1, 1, 10) rather than powers of ten.
        axis.setTickUnit(new NumberTickUnit(1.0));
        axis.setNumberFormatOverride(new DecimalFormat("0.###", DecimalFormatSymbols.getInstance(Locale.ROOT)));
        plot.setRangeAxis(axis);
        LineAndShapeRenderer renderer = (LineAndShapeRenderer) plot.getRenderer();
        renderer.setDefaultShapesVisible(true);
        return chart;
    }

    private static Set<String> scenarios(BenchmarkReport report) {
        Set<String> scenarios = new LinkedHashSet<>();
        report.measurements().forEach(m -> scenarios.add(m.scenario()));
        return scenarios;
    }

    private static ChartFile save(JFreeChart chart, Path directory, String fileName) throws IOException {
        chart.setBackgroundPaint(Color.WHITE);
        chart.getPlot().setBackgroundPaint(new Color(0xF7F7F7));
        ChartUtils.saveChartAsPNG(directory.resolve(fileName).toFile(), chart, WIDTH, HEIGHT);
        return new ChartFile(fileName, chart.getTitle().getText());
    }

    /** Scenario names come from the run; keep only characters safe in a file name and a URL. */
    static String fileSafe(String name) {
        return name.replaceAll("[^A-Za-z0-9._-]", "_");
    }
}

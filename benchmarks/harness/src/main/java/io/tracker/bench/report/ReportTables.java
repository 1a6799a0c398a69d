package io.tracker.bench.report;

import io.tracker.bench.result.BenchmarkReport;
import io.tracker.bench.result.Measurement;
import java.util.ArrayList;
import java.util.List;

/**
 * The report as text: a fixed-width table for the console and CI logs, and a Markdown table for the docs.
 * Both hold every measurement, then the tracker's ratios to each peer.
 */
public final class ReportTables {

    private static final List<String> RATIO_HEADERS = List.of("load", "peer", "metric", "tracker/peer");
    private static final List<Boolean> RATIO_NUMERIC = List.of(false, false, false, true);

    private ReportTables() {
    }

    /** Plain text with aligned columns; lost deliveries are marked {@code LOST}. */
    public static String consoleTable(BenchmarkReport report) {
        StringBuilder text = new StringBuilder();
        if (report.smoke()) {
            text.append("SMOKE RUN: short windows, the numbers are indicative only\n\n");
        }
        aligned(text, MeasurementTable.HEADERS, MeasurementTable.NUMERIC, measurementRows(report));
        List<List<String>> ratios = ratioRows(report);
        if (!ratios.isEmpty()) {
            text.append("\nTracker as a fraction of each peer (req/s: above 1 is faster; p99, p99.9: above 1 is slower)\n");
            aligned(text, RATIO_HEADERS, RATIO_NUMERIC, ratios);
        }
        return text.toString();
    }

    /** GitHub-flavoured Markdown, ready to paste into the docs. */
    public static String markdownTable(BenchmarkReport report) {
        StringBuilder text = new StringBuilder();
        markdown(text, MeasurementTable.HEADERS, MeasurementTable.NUMERIC, measurementRows(report));
        List<List<String>> ratios = ratioRows(report);
        if (!ratios.isEmpty()) {
            text.append("\n**Tracker as a fraction of each peer** (req/s: above 1 is faster; p99, p99.9: above 1 is slower)\n\n");
            markdown(text, RATIO_HEADERS, RATIO_NUMERIC, ratios);
        }
        return text.toString();
    }

    private static List<List<String>> measurementRows(BenchmarkReport report) {
        List<List<String>> rows = new ArrayList<>();
        for (Measurement m : report.measurements()) {
            rows.add(MeasurementTable.cells(m));
        }
        return rows;
    }

    private static List<List<String>> ratioRows(BenchmarkReport report) {
        List<List<String>> rows = new ArrayList<>();
        for (Ratio ratio : Ratios.of(report)) {
            rows.add(List.of(ratio.load(), ratio.peer(), ratio.metric(), Formats.ratio(ratio.value())));
        }
        return rows;
    }

    private static void aligned(StringBuilder text, List<String> headers, List<Boolean> numeric,
                                List<List<String>> rows) {
        int[] widths = new int[headers.size()];
        for (int c = 0; c < widths.length; c++) {
            widths[c] = headers.get(c).length();
            for (List<String> row : rows) {
                widths[c] = Math.max(widths[c], row.get(c).length());
            }
        }
        alignedRow(text, headers, numeric, widths);
        for (List<String> row : rows) {
            alignedRow(text, row, numeric, widths);
        }
    }

    private static void alignedRow(StringBuilder text, List<String> cells, List<Boolean> numeric, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int c = 0; c < cells.size(); c++) {
            String pad = " ".repeat(widths[c] - cells.get(c).length());
            line.append(c == 0 ? "" : "  ").append(numeric.get(c) ? pad + cells.get(c) : cells.get(c) + pad);
        }
        text.append(line.toString().stripTrailing()).append('\n');
    }

    private static void markdown(StringBuilder text, List<String> headers, List<Boolean> numeric,
                                 List<List<String>> rows) {
        markdownRow(text, headers);
        StringBuilder rule = new StringBuilder("|");
        for (Boolean isNumber : numeric) {
            rule.append(isNumber ? "---:|" : "---|");
        }
        text.append(rule).append('\n');
        for (List<String> row : rows) {
            markdownRow(text, row);
        }
    }

    private static void markdownRow(StringBuilder text, List<String> cells) {
        text.append('|');
        for (String cell : cells) {
            text.append(' ').append(cell.replace("|", "\\|")).append(" |");
        }
        text.append('\n');
    }
}

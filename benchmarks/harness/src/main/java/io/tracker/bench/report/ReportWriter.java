package io.tracker.bench.report;

import io.tracker.bench.result.BenchmarkReport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes a benchmark's report into a directory: {@code results.json} (the data), the PNG charts and
 * {@code index.html} (the page showing both). Files of an earlier report in the same directory are replaced.
 *
 * <p>Re-rendering an existing run: {@code ReportWriter <results.json> <out dir>}.
 */
public final class ReportWriter {

    private ReportWriter() {
    }

    /** Writes everything into {@code directory}, creating it if needed. */
    public static void write(BenchmarkReport report, Path directory) throws IOException {
        Files.createDirectories(directory);
        ResultsJson.write(report, directory.resolve(ResultsJson.FILE_NAME));
        List<ChartFile> charts = ReportCharts.write(report, directory);
        Files.writeString(directory.resolve(HtmlPage.FILE_NAME), HtmlPage.render(report, charts),
                StandardCharsets.UTF_8);
    }

    /** Loads a {@code results.json} written by {@link #write}. */
    public static BenchmarkReport read(Path resultsJson) throws IOException {
        return ResultsJson.read(resultsJson);
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: ReportWriter <results.json> <out dir>");
            System.exit(2);
        }
        BenchmarkReport report = read(Path.of(args[0]));
        Path out = Path.of(args[1]);
        write(report, out);
        System.out.print(ReportTables.consoleTable(report));
        System.out.println("report written to " + out.resolve(HtmlPage.FILE_NAME));
    }
}

package io.tracker.bench.report;

import io.tracker.bench.result.BenchmarkReport;
import io.tracker.bench.result.Machine;
import io.tracker.bench.result.Measurement;
import java.util.List;

/**
 * {@code index.html}: the whole report on one self-contained page (inline CSS, no script, nothing fetched
 * from elsewhere) that can be opened from a CI artifact. Every text from the report is escaped.
 */
final class HtmlPage {

    static final String FILE_NAME = "index.html";

    private static final String STYLE = """
            body{font-family:system-ui,sans-serif;margin:2em;color:#222;max-width:110em}
            table{border-collapse:collapse;margin:1em 0;font-size:0.9em}
            th,td{border:1px solid #ccc;padding:0.25em 0.6em}
            th{background:#eee;text-align:left}
            td.n{text-align:right;font-variant-numeric:tabular-nums}
            .smoke{background:#fff3cd;border:1px solid #e0b000;padding:0.6em 1em}
            .problems{background:#fde2e1;border:1px solid #c0392b;padding:0.6em 1em}
            .lost{color:#fff;background:#c0392b;font-weight:bold}
            img{max-width:100%;border:1px solid #ddd;margin:0.5em 0}
            """;

    private HtmlPage() {
    }

    static String render(BenchmarkReport report, List<ChartFile> charts) {
        StringBuilder html = new StringBuilder();
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>Tracker benchmark ")
                .append(escape(report.startedAt())).append("</title>\n<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n")
                .append("<h1>Tracker load benchmark</h1>\n<p>Run started ").append(escape(report.startedAt())).append("</p>\n");
        if (report.smoke()) {
            html.append("<p class=\"smoke\"><strong>Smoke run:</strong> short windows on a shared machine;"
                    + " the numbers show that everything works, not how fast it is.</p>\n");
        }
        problems(html, Verdict.problems(report));
        machine(html, report.machine());
        measurements(html, report.measurements());
        ratios(html, Ratios.of(report));
        charts(html, charts);
        profiles(html, report.profiles());
        return html.append("</body>\n</html>\n").toString();
    }

    private static void problems(StringBuilder html, List<String> problems) {
        if (problems.isEmpty()) {
            return;
        }
        html.append("<div class=\"problems\"><strong>Problems</strong>\n<ul>\n");
        problems.forEach(problem -> html.append("<li>").append(escape(problem)).append("</li>\n"));
        html.append("</ul></div>\n");
    }

    private static void machine(StringBuilder html, Machine machine) {
        if (machine == null) {
            return;
        }
        html.append("<h2>Machine</h2>\n<table>\n");
        row(html, "CPU", machine.cpuModel());
        row(html, "cores", String.valueOf(machine.cores()));
        row(html, "memory GiB", Formats.gibibytes(machine.memoryBytes()));
        row(html, "OS", machine.os());
        row(html, "Java", machine.java());
        row(html, "nginx", machine.nginx());
        row(html, "wrk", machine.wrk());
        html.append("</table>\n");
    }

    private static void row(StringBuilder html, String name, String value) {
        html.append("<tr><th>").append(escape(name)).append("</th><td>").append(escape(value)).append("</td></tr>\n");
    }

    private static void measurements(StringBuilder html, List<Measurement> measurements) {
        html.append("<h2>Measurements</h2>\n<p>Throughput mode: closed loop (wrk), as many requests as the target"
                + " serves. Latency mode: open loop at the given rate, latency counted from when each request was"
                + " due, so stalls are charged in full.</p>\n<table>\n<tr>");
        MeasurementTable.HEADERS.forEach(header -> html.append("<th>").append(escape(header)).append("</th>"));
        html.append("</tr>\n");
        for (Measurement m : measurements) {
            List<String> cells = MeasurementTable.cells(m);
            html.append("<tr>");
            for (int c = 0; c < cells.size(); c++) {
                boolean lostCell = c == cells.size() - 1 && MeasurementTable.lost(m);
                html.append(lostCell ? "<td class=\"n lost\">" : MeasurementTable.NUMERIC.get(c) ? "<td class=\"n\">" : "<td>")
                        .append(escape(cells.get(c))).append("</td>");
            }
            html.append("</tr>\n");
        }
        html.append("</table>\n");
    }

    private static void ratios(StringBuilder html, List<Ratio> ratios) {
        if (ratios.isEmpty()) {
            return;
        }
        html.append("<h2>Tracker as a fraction of each peer</h2>\n<p>req/s: tracker ÷ peer, above 1 the tracker"
                + " served more. p99, p99.9: tracker ÷ peer, above 1 the tracker was slower.</p>\n<table>\n"
                + "<tr><th>load</th><th>peer</th><th>metric</th><th>tracker/peer</th></tr>\n");
        for (Ratio ratio : ratios) {
            html.append("<tr><td>").append(escape(ratio.load())).append("</td><td>").append(escape(ratio.peer()))
                    .append("</td><td>").append(escape(ratio.metric())).append("</td><td class=\"n\">")
                    .append(escape(Formats.ratio(ratio.value()))).append("</td></tr>\n");
        }
        html.append("</table>\n");
    }

    private static void charts(StringBuilder html, List<ChartFile> charts) {
        if (charts.isEmpty()) {
            return;
        }
        html.append("<h2>Charts</h2>\n");
        for (ChartFile chart : charts) {
            html.append("<figure><img src=\"").append(escape(chart.fileName())).append("\" alt=\"")
                    .append(escape(chart.title())).append("\"><figcaption>").append(escape(chart.title()))
                    .append("</figcaption></figure>\n");
        }
    }

    private static void profiles(StringBuilder html, List<String> profiles) {
        if (profiles == null || profiles.isEmpty()) {
            return;
        }
        html.append("<h2>CPU profiles</h2>\n<ul>\n");
        for (String profile : profiles) {
            // Only report-relative paths become links; anything with a scheme is shown, not followed.
            boolean relative = !profile.contains(":") && !profile.startsWith("/");
            html.append("<li>").append(relative ? "<a href=\"" + escape(profile) + "\">" + escape(profile) + "</a>"
                    : escape(profile)).append("</li>\n");
        }
        html.append("</ul>\n");
    }

    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder escaped = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }
}

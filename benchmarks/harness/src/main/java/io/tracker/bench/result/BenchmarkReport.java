package io.tracker.bench.result;

import java.util.List;

/**
 * Everything one benchmark run measured; written as {@code results.json} and rendered into the report.
 *
 * @param startedAt    ISO-8601 instant the run started
 * @param smoke        true for the short CI version (numbers are indicative only)
 * @param machine      where it ran
 * @param measurements every run of every target, scenario and mode
 * @param profiles     report-relative paths of CPU profiles (flame graphs) taken during the run
 */
public record BenchmarkReport(String startedAt, boolean smoke, Machine machine, List<Measurement> measurements,
                              List<String> profiles) {
}

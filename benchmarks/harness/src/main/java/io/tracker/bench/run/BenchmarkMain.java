package io.tracker.bench.run;

import io.tracker.bench.report.ReportTables;
import io.tracker.bench.report.ReportWriter;
import io.tracker.bench.report.Verdict;
import io.tracker.bench.result.BenchmarkReport;
import io.tracker.bench.run.profile.CpuProfiles;
import io.tracker.bench.run.profile.ProfilerAgent;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * {@code benchmarks/run}: runs the benchmark from the repository root and writes the report.
 * Exit status 0 when every request succeeded and every acknowledged event was delivered, 1 when not
 * (never because of a number), 2 when the run could not be set up or broke off.
 */
public final class BenchmarkMain {

    static final int OK = 0;
    static final int PROBLEMS = 1;
    static final int SETUP_FAILED = 2;
    static final int INTERRUPTED = 130; // what a shell reports for a command ended by SIGINT

    private BenchmarkMain() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String[] args) {
        Path root = Path.of("").toAbsolutePath();
        RunOptions options;
        try {
            options = RunOptions.parse(args, root);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(RunOptions.USAGE);
            return SETUP_FAILED;
        }
        RunningTargets running = new RunningTargets();
        Thread stopper = new Thread(running::stopAll, "benchmark-stopper");
        Runtime.getRuntime().addShutdownHook(stopper);
        long startNanos = System.nanoTime();
        try {
            BenchmarkReport report = benchmark(options, running);
            ReportWriter.write(report, options.reportDir());
            System.out.println();
            System.out.println(ReportTables.consoleTable(report));
            System.out.println("Report: " + options.reportDir().resolve("index.html") + " (took "
                    + Duration.ofNanos(System.nanoTime() - startNanos).toSeconds() + " s)");
            List<String> problems = Verdict.problems(report);
            if (problems.isEmpty()) {
                return OK;
            }
            System.out.println("Problems:");
            problems.forEach(problem -> System.out.println("  " + problem));
            return PROBLEMS;
        } catch (Exception | Error e) { // an Error too: any failure to run is a 2, not a 1 ("problems found")
            if (running.stopping()) { // Ctrl-C: the hook stopped the targets under the run's feet
                System.err.println("benchmark interrupted; everything it started is stopped");
                return INTERRUPTED;
            }
            System.err.println("benchmark failed: " + e);
            e.printStackTrace();
            return SETUP_FAILED;
        } finally {
            running.stopAll(); // the hook stays: stopping twice does nothing
        }
    }

    private static BenchmarkReport benchmark(RunOptions options, RunningTargets running) throws Exception {
        Path root = options.repoRoot();
        Path workDir = root.resolve("benchmarks/target/work");
        Path harnessJar = harnessJar();
        RunSettings settings = RunSettings.of(options.smoke());
        Path profilesDir = options.reportDir().resolve("profiles");
        deleteTree(profilesDir); // profiles of an earlier run must not pass for this one's
        Files.createDirectories(workDir);
        TargetLauncher targets = new TargetLauncher(root.resolve("distribution/target/tracker"), workDir,
                classPath(harnessJar), running);
        CpuProfiles profiles = new CpuProfiles(settings.profile()
                ? ProfilerAgent.extract(harnessJar.resolveSibling("lib"), workDir.resolve("profiler"))
                : Optional.empty(), profilesDir);
        System.out.println("Benchmark (" + (options.smoke() ? "smoke" : "full") + "): targets " + options.targets()
                + ", scenarios " + options.scenarios() + "; work in " + workDir);
        return new BenchmarkRun(options, settings, targets, workDir, profiles).run();
    }

    /** The jar the harness runs from, or its classes folder when run from an IDE or the tests. */
    private static Path harnessJar() throws URISyntaxException {
        return Path.of(BenchmarkMain.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    /** The class path of the Jetty peer's JVM: the harness jar and its libraries, as the docs show it. */
    private static String classPath(Path harness) {
        if (harness.toString().endsWith(".jar")) {
            return harness + ":" + harness.resolveSibling("lib") + "/*";
        }
        return System.getProperty("java.class.path");
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}

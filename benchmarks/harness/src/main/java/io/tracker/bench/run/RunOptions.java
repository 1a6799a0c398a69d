package io.tracker.bench.run;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The command line of {@code benchmarks/run}, checked once.
 *
 * @param smoke      the short CI version: a few seconds per scenario, no profile
 * @param targets    targets to run, in the order they run
 * @param scenarios  scenarios to run (peers only ever run {@code pixel})
 * @param reportDir  where the report is written
 * @param repoRoot   the repository the distribution and the harness were built in
 */
public record RunOptions(boolean smoke, List<String> targets, List<String> scenarios, Path reportDir, Path repoRoot) {

    public static final List<String> TARGETS = List.of("tracker", "nginx", "jetty-peer");

    public static final String USAGE =
            "usage: benchmarks/run [--smoke] [--only tracker|nginx|jetty-peer] [--scenarios a,b] [--out DIR]";

    /** Parses the arguments relative to {@code repoRoot}; throws IllegalArgumentException with the reason. */
    public static RunOptions parse(String[] args, Path repoRoot) {
        boolean smoke = false;
        List<String> targets = TARGETS;
        List<String> scenarios = Scenarios.NAMES;
        Path reportDir = repoRoot.resolve("benchmarks/target/report");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--smoke" -> smoke = true;
                case "--only" -> targets = names(value(args, ++i, "--only"), TARGETS, "target");
                case "--scenarios" -> scenarios = names(value(args, ++i, "--scenarios"), Scenarios.NAMES, "scenario");
                case "--out" -> reportDir = repoRoot.resolve(value(args, ++i, "--out"));
                default -> throw new IllegalArgumentException("unknown argument '" + args[i] + "'");
            }
        }
        return new RunOptions(smoke, targets, scenarios, reportDir.toAbsolutePath().normalize(), repoRoot);
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length || args[i].startsWith("--")) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }

    /** Comma-separated names, each one of {@code known}; kept in the order of {@code known}. */
    private static List<String> names(String value, List<String> known, String what) {
        Set<String> asked = new LinkedHashSet<>();
        for (String name : value.split(",")) {
            String trimmed = name.trim();
            if (!known.contains(trimmed)) {
                throw new IllegalArgumentException("unknown " + what + " '" + trimmed + "'; one of " + known);
            }
            asked.add(trimmed);
        }
        List<String> ordered = new ArrayList<>(known);
        ordered.retainAll(asked);
        return List.copyOf(ordered);
    }
}

package io.tracker.bench.run;

import io.tracker.bench.result.BenchmarkReport;
import io.tracker.bench.result.Machine;
import io.tracker.bench.result.Measurement;
import io.tracker.bench.run.delivery.DeliveryWatch;
import io.tracker.bench.run.delivery.EventLineCounter;
import io.tracker.bench.run.profile.CpuProfiles;
import io.tracker.bench.run.targets.Target;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One benchmark run: each target in turn, alone on the machine (started, loaded with each of its
 * scenarios in both modes, stopped), then the profiled passes.
 */
final class BenchmarkRun {

    private final RunOptions options;
    private final RunSettings settings;
    private final TargetLauncher targets;
    private final ThroughputMode throughput;
    private final LatencyMode latency;
    private final CpuProfiles profiles;

    BenchmarkRun(RunOptions options, RunSettings settings, TargetLauncher targets, Path workDir,
                 CpuProfiles profiles) {
        this.options = options;
        this.settings = settings;
        this.targets = targets;
        this.throughput = new ThroughputMode(settings, workDir);
        this.latency = new LatencyMode(settings);
        this.profiles = profiles;
    }

    BenchmarkReport run() throws Exception {
        String startedAt = Instant.now().toString();
        Machine machine = MachineProbe.probe();
        List<Measurement> measurements = new ArrayList<>();
        for (String name : options.targets()) {
            List<Scenario> scenarios = scenariosOf(name);
            if (scenarios.isEmpty()) {
                System.out.println(name + ": none of its scenarios was asked for; skipped");
                continue;
            }
            System.out.println(name + ": starting");
            Target target = targets.start(name, name, "");
            try {
                DeliveryWatch delivery = target.eventDirectory()
                        .map(dir -> new DeliveryWatch(new EventLineCounter(dir), target.eventsAcknowledgedAtStart()))
                        .orElse(null);
                Duration warmup = settings.targetWarmup().plus(settings.throughputWarmup());
                for (Scenario scenario : scenarios) {
                    measurements.add(printed(throughput.measure(target, scenario, warmup, delivery)));
                    warmup = settings.throughputWarmup();
                    measurements.add(printed(latency.measure(target, scenario, delivery)));
                }
            } finally {
                targets.stop(target);
            }
        }
        List<String> profileFiles = settings.profile() ? profile() : List.of();
        return new BenchmarkReport(startedAt, options.smoke(), machine, measurements, profileFiles);
    }

    private List<Scenario> scenariosOf(String target) {
        return options.scenarios().stream()
                .filter(scenario -> target.equals("tracker") || scenario.equals(Scenarios.PEER_SCENARIO))
                .map(Scenarios::named).toList();
    }

    /** The tracker and the Jetty peer, each in one more pixel throughput pass under a CPU profiler. */
    private List<String> profile() throws Exception {
        List<String> files = new ArrayList<>();
        if (!options.scenarios().contains(Scenarios.PEER_SCENARIO)) {
            return files;
        }
        Scenario pixel = Scenarios.named(Scenarios.PEER_SCENARIO);
        for (String name : List.of("tracker", "jetty-peer")) {
            if (!options.targets().contains(name)) {
                continue;
            }
            System.out.println(name + ": profiling the pixel scenario");
            Optional<CpuProfiles.Profile> profile = profiles.take(name + "-pixel-cpu",
                    javaOptions -> targets.start(name, name + "-profile", javaOptions),
                    target -> throughput.load(target, pixel));
            if (profile.isEmpty()) {
                System.out.println("  no profile of " + name + ": every method failed (see above)");
                continue;
            }
            Path file = options.reportDir().relativize(profile.get().file());
            files.add(file.toString());
            System.out.println("  " + file + " (" + profile.get().method().description() + ")");
        }
        return files;
    }

    private static Measurement printed(Measurement measurement) {
        System.out.println(Progress.line(measurement));
        return measurement;
    }
}

package io.tracker.bench.run;

import io.tracker.bench.result.Delivery;
import io.tracker.bench.result.Latency;
import io.tracker.bench.result.Measurement;
import io.tracker.bench.result.Resources;
import io.tracker.bench.run.delivery.DeliveryWatch;
import io.tracker.bench.run.proc.ResourceSampler;
import io.tracker.bench.run.targets.Target;
import io.tracker.bench.run.wrk.Wrk;
import io.tracker.bench.run.wrk.WrkResult;
import io.tracker.bench.run.wrk.WrkScript;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Throughput: wrk as fast as the target answers on a fixed number of connections (closed loop), after
 * an unrecorded warm-up run. Its latencies are those of a saturated server, not corrected for
 * coordinated omission; the latency mode is the one for latencies.
 */
final class ThroughputMode {

    /** Answers slower than this are counted as timeouts by wrk. */
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final RunSettings settings;
    private final Path workDir;
    private final Wrk wrk;

    ThroughputMode(RunSettings settings, Path workDir) {
        this.settings = settings;
        this.workDir = workDir;
        this.wrk = new Wrk(settings.wrkThreads(), settings.wrkConnections(), TIMEOUT);
    }

    /**
     * @param warmup   the unrecorded run before the measured one (longer for a target's first scenario)
     * @param delivery the tracker's delivery check, null for a peer
     */
    Measurement measure(Target target, Scenario scenario, Duration warmup, DeliveryWatch delivery)
            throws Exception {
        Path script = script(scenario);
        long baseline = delivery == null ? 0 : delivery.baseline();
        WrkResult warmed = run(target, script, warmup, scenario, "warmup");
        ResourceSampler sampler = ResourceSampler.start(target::pids, target.gcLog(), Duration.ZERO);
        WrkResult measured;
        Resources resources;
        try {
            measured = run(target, script, settings.throughputWindow(), scenario, "measured");
        } finally {
            resources = sampler.stop();
        }
        Delivery delivered = null;
        if (delivery != null) {
            int events = scenario.eventsPerRequest();
            long acknowledged = (warmed.succeeded() + measured.succeeded()) * events;
            // each run may end with a request in flight on every connection, answered or not, and a
            // failed request may still have been taken in
            long unanswered = 2L * settings.wrkConnections() + warmed.errors() + measured.errors();
            delivered = delivery.delivered(baseline, acknowledged, acknowledged + unanswered * events);
        }
        return new Measurement(target.name(), scenario.name(), "throughput", settings.wrkConnections(), 0,
                measured.seconds(), measured.succeeded(), measured.errors(),
                measured.succeeded() / measured.seconds(), latency(measured), resources, delivered);
    }

    /**
     * Load without measuring anything (the profiled pass): a warm-up, then a window's worth. The profile
     * covers the JVM's whole life anyway (the agent starts with it), so no longer warm-up for the JIT.
     */
    void load(Target target, Scenario scenario) throws Exception {
        Path script = script(scenario);
        run(target, script, settings.throughputWarmup(), scenario, "profile-warmup");
        run(target, script, settings.throughputWindow(), scenario, "profile");
    }

    private Path script(Scenario scenario) throws IOException {
        return WrkScript.write(scenario.requests(), workDir.resolve("wrk/" + scenario.name() + ".lua"));
    }

    private WrkResult run(Target target, Path script, Duration duration, Scenario scenario, String phase)
            throws IOException, InterruptedException {
        Path output = workDir.resolve("wrk/" + target.name() + "-" + scenario.name() + "-" + phase + ".txt");
        return wrk.run(URI.create(target.base() + "/"), script, duration, output);
    }

    private static Latency latency(WrkResult result) {
        return new Latency(result.p50Micros() / 1000.0, result.p90Micros() / 1000.0, result.p99Micros() / 1000.0,
                result.p999Micros() / 1000.0, result.maxMicros() / 1000.0);
    }
}

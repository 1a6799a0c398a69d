package io.tracker.bench.run;

import io.tracker.bench.load.LatencyRun;
import io.tracker.bench.load.OpenLoopLoad;
import io.tracker.bench.load.OpenLoopSpec;
import io.tracker.bench.result.Delivery;
import io.tracker.bench.result.Latency;
import io.tracker.bench.result.Measurement;
import io.tracker.bench.result.Resources;
import io.tracker.bench.run.delivery.DeliveryWatch;
import io.tracker.bench.run.proc.ResourceSampler;
import io.tracker.bench.run.targets.Target;
import org.HdrHistogram.Histogram;

/**
 * Latency: requests due at a fixed rate whatever the target does (open loop), each one's latency taken
 * from when it was due. Every scenario offers the same event rate: a 50-event batch is sent at a
 * fiftieth of the request rate of the single-event scenarios.
 */
final class LatencyMode {

    private final RunSettings settings;

    LatencyMode(RunSettings settings) {
        this.settings = settings;
    }

    /** @param delivery the tracker's delivery check, null for a peer */
    Measurement measure(Target target, Scenario scenario, DeliveryWatch delivery) throws Exception {
        int rate = scenario.requestRateFor(settings.latencyEventsPerSecond());
        OpenLoopSpec spec = new OpenLoopSpec(target.base(), scenario.requests(), rate, settings.latencyWarmup(),
                settings.latencyWindow(), settings.latencyConnections());
        long baseline = delivery == null ? 0 : delivery.baseline();
        // the generator records after its warm-up; the window of the resources starts as its does
        ResourceSampler sampler = ResourceSampler.start(target::pids, target.gcLog(), settings.latencyWarmup());
        LatencyRun run;
        Resources resources;
        try {
            run = OpenLoopLoad.run(spec);
        } finally {
            resources = sampler.stop();
        }
        Delivery delivered = delivery == null ? null
                : delivery.delivered(baseline, run.eventsAcknowledged(), run.eventsSent());
        double seconds = run.seconds();
        return new Measurement(target.name(), scenario.name(), "latency", settings.latencyConnections(), rate, seconds,
                run.succeeded(), run.failed(), seconds <= 0 ? 0 : run.succeeded() / seconds,
                latency(run.latencyNanos()), resources, delivered);
    }

    private static Latency latency(Histogram nanos) {
        return new Latency(ms(nanos.getValueAtPercentile(50)), ms(nanos.getValueAtPercentile(90)),
                ms(nanos.getValueAtPercentile(99)), ms(nanos.getValueAtPercentile(99.9)), ms(nanos.getMaxValue()));
    }

    private static double ms(long nanos) {
        return nanos / 1_000_000.0;
    }
}

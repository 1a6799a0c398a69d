package io.tracker.bench.load;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * The open-loop load generator: sends a scenario's requests at a fixed rate whatever the server does, and
 * measures each one from when it was due (coordinated omission corrected), with Jetty's non-blocking client.
 *
 * <p>Manual use: {@code OpenLoopLoad --url http://127.0.0.1:8080/i?cid=1 --rate 10000 --seconds 10
 * --warmup 3 --connections 64} prints the percentiles and how punctual the generator itself was.
 */
public final class OpenLoopLoad {

    /** How long one request may take before it fails. */
    public static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    /** How long the run waits after the last send for answers in flight; those missing then fail. */
    public static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(10);

    private OpenLoopLoad() {
    }

    /**
     * Runs the warm-up then the window, and waits for the answers in flight (at most {@link #DRAIN_TIMEOUT}).
     *
     * @throws IllegalArgumentException for a spec that cannot run (no request, rate or window not positive)
     */
    public static LatencyRun run(OpenLoopSpec spec) throws Exception {
        return new OpenLoopRunner(spec, REQUEST_TIMEOUT, DRAIN_TIMEOUT).run().run();
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        URI url = URI.create(options.getOrDefault("--url", "http://127.0.0.1:8080/"));
        String pathAndQuery = (url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath())
                + (url.getRawQuery() == null ? "" : "?" + url.getRawQuery());
        OpenLoopSpec spec = new OpenLoopSpec(URI.create(url.getScheme() + "://" + url.getRawAuthority()),
                List.of(new Request("GET", pathAndQuery, Map.of(), new byte[0], 1, 1)),
                Integer.parseInt(options.getOrDefault("--rate", "1000")),
                Duration.ofMillis(Math.round(Double.parseDouble(options.getOrDefault("--warmup", "3")) * 1000)),
                Duration.ofMillis(Math.round(Double.parseDouble(options.getOrDefault("--seconds", "10")) * 1000)),
                Integer.parseInt(options.getOrDefault("--connections", "64")));

        PacedRun paced = new OpenLoopRunner(spec, REQUEST_TIMEOUT, DRAIN_TIMEOUT).run();
        LatencyRun run = paced.run();
        System.out.printf("sent %d in %.1f s (%.0f req/s): %d succeeded, %d failed%n", run.sent(), run.seconds(),
                run.sent() / run.seconds(), run.succeeded(), run.failed());
        System.out.println("latency from due time (ms): " + percentiles(run.latencyNanos()));
        System.out.println("send lateness (ms):         " + percentiles(paced.sendLatenessNanos()));
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 == args.length) {
                System.err.println("usage: OpenLoopLoad --url <url> --rate <req/s> --seconds <s> --warmup <s>"
                        + " --connections <n>");
                System.exit(2);
            }
            options.put(args[i], args[++i]);
        }
        return options;
    }

    private static String percentiles(Histogram nanos) {
        return String.format("p50 %.3f  p90 %.3f  p99 %.3f  p99.9 %.3f  max %.3f",
                nanos.getValueAtPercentile(50) / 1e6, nanos.getValueAtPercentile(90) / 1e6,
                nanos.getValueAtPercentile(99) / 1e6, nanos.getValueAtPercentile(99.9) / 1e6, nanos.getMaxValue() / 1e6);
    }
}

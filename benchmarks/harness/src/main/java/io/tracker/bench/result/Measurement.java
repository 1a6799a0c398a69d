package io.tracker.bench.result;

/**
 * One measured run: one target (the tracker or a peer), one scenario, one mode.
 *
 * @param target            {@code tracker}, {@code nginx} or {@code jetty-peer}
 * @param scenario          e.g. {@code pixel}, {@code click}, {@code conversion}, {@code conversion-batch}, {@code mix}
 * @param mode              {@code throughput} (closed loop, wrk) or {@code latency} (open loop at a fixed rate)
 * @param connections       concurrent connections the load used
 * @param targetRate        requests per second asked for (latency mode), 0 in throughput mode
 * @param seconds           length of the measured window (warm-up excluded)
 * @param requests          responses received in the window
 * @param errors            failed requests: non-2xx/3xx answers, socket errors and timeouts
 * @param requestsPerSecond requests / seconds
 * @param latency           latency percentiles; corrected for coordinated omission in latency mode only
 * @param resources         what the target process used during the window
 * @param delivery          events acknowledged versus events found at the target's collector, or null for peers
 */
public record Measurement(String target, String scenario, String mode, int connections, int targetRate,
                          double seconds, long requests, long errors, double requestsPerSecond, Latency latency,
                          Resources resources, Delivery delivery) {

    public double errorRatio() {
        long all = requests + errors;
        return all == 0 ? 0 : (double) errors / all;
    }
}

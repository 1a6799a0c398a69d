package io.tracker.bench.result;

/** Latency percentiles in milliseconds. */
public record Latency(double p50Ms, double p90Ms, double p99Ms, double p999Ms, double maxMs) {
}

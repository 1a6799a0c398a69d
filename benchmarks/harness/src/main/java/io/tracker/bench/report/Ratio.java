package io.tracker.bench.report;

/**
 * The tracker's figure divided by a peer's under the same load.
 *
 * @param load   the load both were measured under, e.g. "pixel latency, 64 connections, 5,000 req/s"
 * @param peer   the peer's target name
 * @param metric {@code req/s} (throughput mode: above 1 means the tracker served more), {@code p99} or
 *               {@code p99.9} (latency mode: above 1 means the tracker was slower)
 * @param value  tracker ÷ peer; NaN when the peer's figure is 0
 */
record Ratio(String load, String peer, String metric, double value) {
}

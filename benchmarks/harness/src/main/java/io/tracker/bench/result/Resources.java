package io.tracker.bench.result;

/**
 * What the target process used during a measured window.
 *
 * @param cpuCores         average CPU used, in cores (1.0 = one core busy all the time)
 * @param peakRssBytes     highest resident set size sampled
 * @param heapAfterGcBytes highest Java heap occupancy right after a collection, -1 for non-JVM targets
 */
public record Resources(double cpuCores, long peakRssBytes, long heapAfterGcBytes) {
}

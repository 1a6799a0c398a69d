package io.tracker.bench.load;

import org.HdrHistogram.Histogram;

/**
 * An open-loop run together with how well the generator kept its schedule.
 *
 * @param run               what was measured
 * @param sendLatenessNanos how late each request (warm-up included) left compared with its due time
 */
record PacedRun(LatencyRun run, Histogram sendLatenessNanos) {
}

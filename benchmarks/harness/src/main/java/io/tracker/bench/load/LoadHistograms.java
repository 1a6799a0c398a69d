package io.tracker.bench.load;

import java.util.concurrent.TimeUnit;

/** The bounds every latency histogram of the generator shares. */
final class LoadHistograms {

    /** Anything slower is recorded as this: a minute is far past any timeout the generator sets. */
    static final long HIGHEST_TRACKABLE_NANOS = TimeUnit.SECONDS.toNanos(60);

    private LoadHistograms() {
    }

    /** Keeps a value recordable: HdrHistogram throws on values above its range. */
    static long clamp(long nanos) {
        return Math.min(Math.max(nanos, 0), HIGHEST_TRACKABLE_NANOS);
    }
}

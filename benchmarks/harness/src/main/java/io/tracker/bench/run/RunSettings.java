package io.tracker.bench.run;

import java.time.Duration;

/**
 * How long and how hard each mode loads a target: the full run (about 8 minutes) or the CI smoke run
 * (about a minute, numbers indicative only).
 *
 * @param targetWarmup       added to the warm-up of a target's first scenario: a fresh JVM runs its hot
 *                           paths interpreted until the JIT has compiled them, which takes seconds on a
 *                           small machine that also runs the load
 * @param throughputWarmup   unrecorded wrk run before each measured one (JIT, pools, connections)
 * @param throughputWindow   the measured wrk run
 * @param wrkThreads         wrk threads ({@code -t})
 * @param wrkConnections     wrk connections ({@code -c})
 * @param latencyEventsPerSecond open-loop rate in events per second; a 50-event batch scenario sends a
 *                           fiftieth as many requests, so every scenario offers the same event rate
 * @param latencyWarmup      open-loop warm-up at the rate, not recorded
 * @param latencyWindow      the recorded open-loop window
 * @param latencyConnections connections the open-loop client may open
 * @param profile            take CPU profiles of the tracker and the Jetty peer after the measurements
 */
public record RunSettings(Duration targetWarmup, Duration throughputWarmup, Duration throughputWindow, int wrkThreads, int wrkConnections,
                          int latencyEventsPerSecond, Duration latencyWarmup, Duration latencyWindow,
                          int latencyConnections, boolean profile) {

    public static RunSettings full() {
        return new RunSettings(Duration.ofSeconds(10), Duration.ofSeconds(3), Duration.ofSeconds(10), 2, 32,
                10_000, Duration.ofSeconds(10), Duration.ofSeconds(30), 64, true);
    }

    public static RunSettings smoke() {
        return new RunSettings(Duration.ofSeconds(3), Duration.ofSeconds(1), Duration.ofSeconds(2), 2, 32,
                2_000, Duration.ofSeconds(2), Duration.ofSeconds(3), 64, false);
    }

    public static RunSettings of(boolean smoke) {
        return smoke ? smoke() : full();
    }
}

package io.tracker.bench.run.proc;

import static org.assertj.core.api.Assertions.assertThat;

import io.tracker.bench.result.Resources;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** /proc of the test JVM itself. */
class ProcStatTest {

    private static final long SELF = ProcessHandle.current().pid();

    @Test
    void cpuTimeGrowsWhileThisJvmSpins() {
        long before = ProcStat.cpuNanos(SELF).orElseThrow();
        spin(Duration.ofMillis(300));
        long after = ProcStat.cpuNanos(SELF).orElseThrow();

        // at 100 ticks a second the counter moves in steps of 10 ms
        assertThat(after - before).isGreaterThanOrEqualTo(Duration.ofMillis(200).toNanos());
    }

    @Test
    void residentMemoryOfAJvmIsTensOfMegabytes() {
        assertThat(ProcStat.rssBytes(SELF).orElseThrow()).isBetween(20L << 20, 8L << 30);
    }

    @Test
    void aProcessThatIsGoneReadsAsEmpty() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();

        assertThat(ProcStat.cpuNanos(gone.pid())).isEmpty();
        assertThat(ProcStat.rssBytes(gone.pid())).isEmpty();
    }

    @Test
    void theSamplerMeasuresOneBusyCoreAndThePeakMemory() throws Exception {
        ResourceSampler sampler = ResourceSampler.start(() -> List.of(SELF), null, Duration.ZERO);
        spin(Duration.ofMillis(600));
        Resources used = sampler.stop();

        assertThat(used.cpuCores()).isBetween(0.7, 2.5); // the spinning thread, plus a little of the rest
        assertThat(used.peakRssBytes()).isGreaterThan(20L << 20);
        assertThat(used.heapAfterGcBytes()).isEqualTo(-1);
    }

    @Test
    void aWindowStoppedDuringItsDelayIsEmpty() throws Exception {
        ResourceSampler sampler = ResourceSampler.start(() -> List.of(SELF), null, Duration.ofSeconds(30));

        Resources used = sampler.stop();

        assertThat(used.cpuCores()).isBetween(0.0, 4.0);
    }

    private static void spin(Duration duration) {
        long end = System.nanoTime() + duration.toNanos();
        long sink = 0;
        while (System.nanoTime() < end) {
            sink += sink * 31 + 7;
        }
        assertThat(sink).isNotEqualTo(42); // keeps the loop from being optimised away
    }
}

package io.tracker.bench.run.proc;

import static org.assertj.core.api.Assertions.assertThat;

import io.tracker.bench.result.Resources;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
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
        assertThat(after - before).isGreaterThanOrEqualTo(Duration.ofMillis(280).toNanos());
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
        long startNanos = System.nanoTime();
        ResourceSampler sampler = ResourceSampler.start(() -> List.of(SELF), null, Duration.ZERO);
        spin(Duration.ofMillis(500));
        Resources used = sampler.stop();
        double seconds = (System.nanoTime() - startNanos) / 1e9;

        // at least the spinning thread's 0.5 s of CPU over the window, at most every core all the time
        assertThat(used.cpuCores() * seconds).isGreaterThan(0.45);
        assertThat(used.cpuCores()).isLessThanOrEqualTo(Runtime.getRuntime().availableProcessors() + 0.1);
        assertThat(used.peakRssBytes()).isGreaterThan(20L << 20);
        assertThat(used.heapAfterGcBytes()).isEqualTo(-1);
    }

    @Test
    void aWindowStoppedDuringItsDelayIsEmpty() throws Exception {
        ResourceSampler sampler = ResourceSampler.start(() -> List.of(SELF), null, Duration.ofSeconds(30));

        Resources used = sampler.stop();

        assertThat(used.cpuCores()).isBetween(0.0, 4.0);
    }

    /** Busy for {@code cpu} of this thread's CPU time, however long a busy machine makes that take. */
    private static void spin(Duration cpu) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long end = threads.getCurrentThreadCpuTime() + cpu.toNanos();
        long sink = 0;
        while (threads.getCurrentThreadCpuTime() < end) {
            for (int i = 0; i < 10_000; i++) {
                sink += sink * 31 + 7;
            }
        }
        assertThat(sink).isNotEqualTo(42); // keeps the loop from being optimised away
    }
}

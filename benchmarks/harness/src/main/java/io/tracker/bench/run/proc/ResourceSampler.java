package io.tracker.bench.run.proc;

import io.tracker.bench.result.Resources;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Measures what a target's processes use during a window: CPU time as a delta of {@code /proc/<pid>/stat}
 * (summed over the processes, e.g. nginx's master and workers), the peak of their summed resident memory
 * sampled every 250 ms, and for a JVM the heap after collections from its GC log.
 *
 * <p>One thread per window; it owns every field until {@link #stop()} joins it. It waits on a latch, not
 * on interrupts: an interrupt would close the /proc file being read and lose that sample.
 */
public final class ResourceSampler {

    private static final long SAMPLE_MS = 250;

    private final Supplier<List<Long>> pids;
    private final Path gcLog;
    private final Thread thread;
    private final Map<Long, Long> cpuAtStart = new HashMap<>();
    private final CountDownLatch stopping = new CountDownLatch(1);
    private long startNanos;
    private long gcLogStart;
    private long peakRssBytes;

    private ResourceSampler(Supplier<List<Long>> pids, Path gcLog, Duration delay) {
        this.pids = pids;
        this.gcLog = gcLog;
        this.thread = new Thread(() -> sample(delay), "resource-sampler");
        this.thread.setDaemon(true);
    }

    /**
     * Starts a window {@code delay} from now (the warm-up of a load that cannot say when its window
     * begins), over the processes {@code pids} names at each sample.
     *
     * @param gcLog the target's {@code -Xlog:gc} file, or null for a process that is not a JVM
     */
    public static ResourceSampler start(Supplier<List<Long>> pids, Path gcLog, Duration delay) {
        ResourceSampler sampler = new ResourceSampler(pids, gcLog, delay);
        sampler.thread.start();
        return sampler;
    }

    /** Ends the window now and says what the processes used in it. */
    public Resources stop() throws IOException, InterruptedException {
        stopping.countDown();
        thread.join();
        long elapsedNanos = System.nanoTime() - startNanos;
        long cpuNanos = 0;
        for (Map.Entry<Long, Long> start : cpuAtStart.entrySet()) {
            OptionalLong end = ProcStat.cpuNanos(start.getKey());
            if (end.isPresent()) {
                cpuNanos += end.getAsLong() - start.getValue();
            }
        }
        double cores = elapsedNanos <= 0 ? 0 : (double) cpuNanos / elapsedNanos;
        long heap = gcLog == null ? -1 : GcLog.maxHeapAfterGcBytes(gcLog, gcLogStart, GcLog.end(gcLog));
        return new Resources(cores, peakRssBytes, heap);
    }

    private void sample(Duration delay) {
        // stopped during the delay: the window is empty, it begins anyway so that stop() has a start
        awaitStop(delay.toMillis());
        startNanos = System.nanoTime();
        gcLogStart = gcLog == null ? 0 : GcLog.end(gcLog);
        for (long pid : pids.get()) {
            ProcStat.cpuNanos(pid).ifPresent(nanos -> cpuAtStart.put(pid, nanos));
        }
        do {
            sampleRss();
        } while (!awaitStop(SAMPLE_MS));
    }

    /** True once stop() was called, after waiting at most {@code millis} for it. */
    private boolean awaitStop(long millis) {
        try {
            return stopping.await(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true; // nobody else interrupts this thread; end the window rather than spin
        }
    }

    private void sampleRss() {
        long sum = 0;
        for (long pid : pids.get()) {
            sum += ProcStat.rssBytes(pid).orElse(0);
        }
        peakRssBytes = Math.max(peakRssBytes, sum);
    }
}

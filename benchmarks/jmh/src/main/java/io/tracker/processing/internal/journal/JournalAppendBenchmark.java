package io.tracker.processing.internal.journal;

import io.tracker.api.Event;
import io.tracker.benchmarks.jmh.DefaultJournals;
import io.tracker.benchmarks.jmh.SampleEvents;
import io.tracker.benchmarks.jmh.TempDirectories;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@link Journal#append}: one event per operation into a real journal with the default settings (64 MiB
 * segments, 1 GiB quota, fsync every 100 ms on the journal's own thread), in a temporary folder. Encoding,
 * the write into the page cache, the lock, rolling segments and deleting the oldest at the quota all count.
 *
 * <p>The two-thread variant is what two request threads appending at once pay (average time per append
 * and thread: its throughput is two appends per that time); it shows what the append lock costs.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
public class JournalAppendBenchmark {

    private Path directory;
    private Journal journal;
    private Event event;

    @Setup
    public void setUp() throws IOException {
        directory = TempDirectories.create("append");
        journal = DefaultJournals.open(directory);
        event = SampleEvents.journaledImpression();
    }

    @TearDown
    public void tearDown() throws IOException {
        journal.close();
        TempDirectories.delete(directory);
    }

    @Benchmark
    public long append() throws IOException, JournalFullException {
        return journal.append(event);
    }

    @Benchmark
    @Threads(2)
    public long appendTwoThreads() throws IOException, JournalFullException {
        return journal.append(event);
    }
}

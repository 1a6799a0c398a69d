package io.tracker.processing.internal.journal;

import io.tracker.api.Event;
import io.tracker.benchmarks.jmh.DefaultJournals;
import io.tracker.benchmarks.jmh.SampleEvents;
import io.tracker.benchmarks.jmh.TempDirectories;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * {@link JournalReader#read}: what a collector's dispatcher pays per event to get it back from the journal
 * (read from the page cache, checksum, decode), in a journal with the default settings filled with the
 * journaled sample impression across two segments. Read one event per call, and in batches of the default
 * {@code dispatch.batch.max.size} (500), reported per event. At the end the reader starts over.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
public class JournalReadBenchmark {

    /** The default dispatch.batch.max.size. */
    private static final int BATCH = 500;
    private static final Predicate<String> EVERY_TYPE = type -> true;

    private Path directory;
    private Journal journal;
    private JournalReader reader;
    private final List<Event> out = new ArrayList<>(BATCH);

    @Setup
    public void setUp() throws Exception {
        directory = TempDirectories.create("read");
        journal = DefaultJournals.open(directory);
        Event event = SampleEvents.journaledImpression();
        // a whole number of batches, and past the first 64 MiB segment so that reads cross into the next
        while (journal.segmentCount() < 2 || journal.end().offset() % BATCH != 0) {
            journal.append(event);
        }
        reader = journal.reader(journal.start());
    }

    @TearDown
    public void tearDown() throws IOException {
        reader.close();
        journal.close();
        TempDirectories.delete(directory);
    }

    @Benchmark
    public void readOne(Blackhole blackhole) throws IOException {
        read(1, blackhole);
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void readBatch(Blackhole blackhole) throws IOException {
        read(BATCH, blackhole);
    }

    private void read(int max, Blackhole blackhole) throws IOException {
        out.clear();
        if (reader.read(max, EVERY_TYPE, out) < max) {
            // every batch is whole (see setUp), so a short one is the end: start over, as a replay would
            reader.seek(journal.start());
            out.clear();
            if (reader.read(max, EVERY_TYPE, out) < max) {
                throw new IllegalStateException("the journal holds fewer than " + max + " events");
            }
        }
        for (int i = 0; i < out.size(); i++) {
            blackhole.consume(out.get(i));
        }
    }
}

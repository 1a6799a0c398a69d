package io.tracker.collector.log.internal;

import io.tracker.api.Event;
import io.tracker.benchmarks.jmh.SampleEvents;
import java.io.IOException;
import java.nio.file.Path;
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
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The log collector's serialisation: a batch of the default dispatch size (500) of the journaled sample
 * impression encoded as JSON lines into memory, the way {@link JsonLinesWriter} does it per file and batch
 * ({@link BatchLines}, one {@link EventLine} per event, the default settings' field filter). Reported per
 * event. No file I/O.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
public class EventLineBenchmark {

    /** The default dispatch.batch.max.size. */
    private static final int BATCH = 500;

    private Event event;
    private Predicate<String> keeps;

    @Setup
    public void setUp() {
        event = SampleEvents.journaledImpression();
        keeps = LogFileSettings.simple(Path.of("unused"))::keeps;
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void batchOfLines(Blackhole blackhole) throws IOException {
        BatchLines lines = new BatchLines(keeps);
        for (int i = 0; i < BATCH; i++) {
            lines.add(event);
        }
        blackhole.consume(lines.encoded());
    }
}

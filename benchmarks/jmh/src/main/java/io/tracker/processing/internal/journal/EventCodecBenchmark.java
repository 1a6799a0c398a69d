package io.tracker.processing.internal.journal;

import io.tracker.api.Event;
import io.tracker.benchmarks.jmh.SampleEvents;
import java.nio.ByteBuffer;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * The journal's binary form alone ({@link EventCodec}), without files: the part of an append and of a read
 * that is CPU, so the journal benchmarks can be split into encoding and I/O.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
public class EventCodecBenchmark {

    private Event event;
    private final ByteBuffer encodeBuffer = ByteBuffer.allocate(64 * 1024);
    private ByteBuffer encoded;

    @Setup
    public void setUp() {
        event = SampleEvents.journaledImpression();
        EventCodec.encode(event, encodeBuffer);
        encoded = ByteBuffer.allocate(encodeBuffer.position()).put(encodeBuffer.flip()).flip();
    }

    @Benchmark
    public ByteBuffer encode() {
        encodeBuffer.clear();
        EventCodec.encode(event, encodeBuffer);
        return encodeBuffer;
    }

    @Benchmark
    public Event decode() {
        return EventCodec.decode(encoded.duplicate());
    }
}

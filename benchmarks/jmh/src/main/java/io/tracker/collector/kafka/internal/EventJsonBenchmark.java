package io.tracker.collector.kafka.internal;

import io.tracker.api.Event;
import io.tracker.benchmarks.jmh.SampleEvents;
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
 * The Kafka collector's record value, {@link EventJson#toBytes}: the journaled sample impression as a JSON
 * object in a fresh byte array, through the collector's reused buffer. No producer.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
public class EventJsonBenchmark {

    private Event event;
    private final EventJson json = new EventJson();

    @Setup
    public void setUp() {
        event = SampleEvents.journaledImpression();
    }

    @Benchmark
    public byte[] toBytes() {
        return json.toBytes(event);
    }
}

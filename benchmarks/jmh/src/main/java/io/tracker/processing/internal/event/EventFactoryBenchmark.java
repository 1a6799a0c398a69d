package io.tracker.processing.internal.event;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.tracker.benchmarks.jmh.PixelHit;
import io.tracker.benchmarks.jmh.SampleTraffic;
import io.tracker.benchmarks.jmh.ShippedConfig;
import io.tracker.processing.internal.eventtype.EventTypeDefinition;
import io.tracker.processing.internal.eventtype.HitContext;
import java.time.Clock;
import java.util.Map;
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
 * Hit to event: {@link EventFactory#build} with the shipped event types, alone (no preprocessors, no
 * journal). The pixel reads 13 fields from an already parsed hit, converts the price to a decimal and draws
 * a time-ordered id; the JSON item reads 9 fields through JSON pointers and keeps the client's id.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
public class EventFactoryBenchmark {

    private EventFactory factory;
    private EventTypeDefinition impression;
    private EventTypeDefinition conversionApi;
    private HitContext pixel;
    private HitContext conversionItem;

    @Setup
    public void setUp() throws Exception {
        factory = new EventFactory(Clock.systemUTC());
        impression = ShippedConfig.eventType("impression");
        conversionApi = ShippedConfig.eventType("conversion-api");
        pixel = new HitContext(new PixelHit(), Map.of(), null);
        // parsed as the intake parses bodies (exact decimals); the parse itself is not measured here
        JsonNode item = JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build()
                .readTree(SampleTraffic.CONVERSION_JSON);
        conversionItem = new HitContext(new PixelHit(), Map.of(), item);
        requireValid(factory.build(impression, pixel), "pixel");
        requireValid(factory.build(conversionApi, conversionItem), "JSON conversion");
    }

    @Benchmark
    public EventFactory.Built pixelToImpression() {
        return factory.build(impression, pixel);
    }

    @Benchmark
    public EventFactory.Built jsonItemToConversion() {
        return factory.build(conversionApi, conversionItem);
    }

    /** A benchmark of the error path would be worthless: fail the run instead. */
    private static void requireValid(EventFactory.Built built, String what) {
        if (!built.valid()) {
            throw new IllegalStateException("the sample " + what + " does not make a valid event: " + built.errors());
        }
    }
}

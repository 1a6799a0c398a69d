package io.tracker.processing.internal.intake;

import io.tracker.benchmarks.jmh.DefaultJournals;
import io.tracker.benchmarks.jmh.PixelHit;
import io.tracker.benchmarks.jmh.ShippedConfig;
import io.tracker.benchmarks.jmh.ShippedPreprocessors;
import io.tracker.benchmarks.jmh.TempDirectories;
import io.tracker.processing.internal.event.EventFactory;
import io.tracker.processing.internal.eventtype.EventTypeRegistry;
import io.tracker.processing.internal.journal.Journal;
import io.tracker.processing.spi.Acceptance;
import io.tracker.processing.spi.Hit;
import io.tracker.processing.spi.Outcome;
import io.tracker.processing.spi.Route;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * The whole processing side of a pixel hit, {@link Intake#accept}: route the path, build the impression,
 * run bots, dedup and privacy, append it to a default journal in a temporary folder. What a request thread
 * spends between Jetty handing over the parsed request and the answer; compare with its parts (event
 * factory, preprocessor chain, journal append).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
public class IntakeBenchmark {

    private Path directory;
    private Journal journal;
    private Intake intake;
    private final Hit pixel = new PixelHit();

    @Setup
    public void setUp() throws Exception {
        EventTypeRegistry eventTypes = new EventTypeRegistry();
        eventTypes.register("io.tracker.eventtype~impression", ShippedConfig.eventType("impression"), "benchmark");
        directory = TempDirectories.create("intake");
        journal = DefaultJournals.open(directory);
        intake = new Intake(eventTypes, new EventFactory(Clock.systemUTC()), ShippedPreprocessors.registry(), journal);
        Outcome outcome = acceptPixel();
        if (outcome.acceptance() != Acceptance.ACCEPTED) {
            throw new IllegalStateException("the sample pixel is not accepted: " + outcome);
        }
    }

    @TearDown
    public void tearDown() throws IOException {
        journal.close();
        TempDirectories.delete(directory);
    }

    @Benchmark
    public Outcome acceptPixel() {
        Route route = intake.route(pixel.path());
        return intake.accept(route, pixel);
    }
}

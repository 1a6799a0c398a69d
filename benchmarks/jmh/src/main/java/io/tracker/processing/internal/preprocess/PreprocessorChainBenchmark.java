package io.tracker.processing.internal.preprocess;

import io.tracker.api.Event;
import io.tracker.api.EventPreprocessor;
import io.tracker.benchmarks.jmh.SampleEvents;
import io.tracker.benchmarks.jmh.ShippedConfig;
import io.tracker.benchmarks.jmh.ShippedPreprocessors;
import io.tracker.processing.internal.event.TimeOrderedIds;
import java.util.List;
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
 * The shipped preprocessors on the sample impression (a browser, not a bot): the impression type's chain
 * bots, dedup, privacy through the real {@link PreprocessorRegistry} and {@link PreprocessorChain}, as the
 * intake runs it per event, and each preprocessor alone.
 *
 * <p>Dedup drops an id it has seen, so the chain and dedup get an event with a new id every time; making
 * that copy is measured on its own by {@link #freshEventBaseline()}: subtract it from those two. Bots and
 * privacy do not look at the id and get the same event every time.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
public class PreprocessorChainBenchmark {

    private Event built;
    private long builtMillis;
    private List<String> impressionChain;
    private PreprocessorRegistry registry;
    private final PreprocessorChain chain = new PreprocessorChain();
    private EventPreprocessor bots;
    private EventPreprocessor dedup;
    private EventPreprocessor privacy;

    @Setup
    public void setUp() throws Exception {
        built = SampleEvents.builtImpression();
        builtMillis = built.timestamp().toEpochMilli();
        impressionChain = ShippedConfig.eventType("impression").preprocessors();
        registry = ShippedPreprocessors.registry();
        bots = ShippedPreprocessors.bots();
        dedup = ShippedPreprocessors.dedup();
        privacy = ShippedPreprocessors.privacy();
        if (chain.apply(freshEvent(), registry.chain(impressionChain)) == null) {
            throw new IllegalStateException("the chain " + impressionChain + " drops the sample impression");
        }
    }

    @Benchmark
    public Event chainBotsDedupPrivacy() throws MissingPreprocessorException {
        return chain.apply(freshEvent(), registry.chain(impressionChain));
    }

    @Benchmark
    public Event botsAlone() {
        return bots.process(built);
    }

    @Benchmark
    public Event dedupAlone() {
        return dedup.process(freshEvent());
    }

    @Benchmark
    public Event privacyAlone() {
        return privacy.process(built);
    }

    /** What the chain and dedup pay on top of the preprocessors: a copy of the event under a new id. */
    @Benchmark
    public Event freshEventBaseline() {
        return freshEvent();
    }

    private Event freshEvent() {
        return built.toBuilder().id(TimeOrderedIds.next(builtMillis)).build();
    }
}

package io.tracker.benchmarks.jmh;

import io.tracker.api.Event;
import io.tracker.processing.internal.event.EventFactory;
import io.tracker.processing.internal.eventtype.EventTypeDefinition;
import io.tracker.processing.internal.eventtype.HitContext;
import io.tracker.processing.internal.preprocess.MissingPreprocessorException;
import io.tracker.processing.internal.preprocess.PreprocessorChain;
import io.tracker.processing.internal.preprocess.PreprocessorRegistry;
import java.time.Clock;
import java.util.Map;

/** Events as the production code makes them from {@link SampleTraffic}, for the stages after the intake. */
public final class SampleEvents {

    private SampleEvents() {
    }

    /** The pixel's impression as {@code EventFactory} builds it, before the preprocessors. */
    public static Event builtImpression() {
        EventFactory.Built built = new EventFactory(Clock.systemUTC())
                .build(ShippedConfig.eventType("impression"), new HitContext(new PixelHit(), Map.of(), null));
        if (!built.valid()) {
            throw new IllegalStateException("the sample pixel is not a valid impression: " + built.errors());
        }
        return built.event();
    }

    /**
     * The pixel's impression as the journal and the collectors get it: built, then through the impression
     * type's shipped preprocessors (bot flag added, IP address cut to its /24).
     */
    public static Event journaledImpression() {
        EventTypeDefinition type = ShippedConfig.eventType("impression");
        PreprocessorRegistry registry = ShippedPreprocessors.registry();
        try {
            Event event = new PreprocessorChain().apply(builtImpression(), registry.chain(type.preprocessors()));
            if (event == null) {
                throw new IllegalStateException("the shipped preprocessors dropped the sample impression");
            }
            return event;
        } catch (MissingPreprocessorException e) {
            throw new IllegalStateException("the impression type needs a preprocessor not shipped: " + e.getMessage(), e);
        }
    }
}

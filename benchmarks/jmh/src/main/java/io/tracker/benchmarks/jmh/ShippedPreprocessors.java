package io.tracker.benchmarks.jmh;

import io.tracker.api.EventPreprocessor;
import io.tracker.preprocessor.bots.internal.BotsComponent;
import io.tracker.preprocessor.bots.internal.BotsConfig;
import io.tracker.preprocessor.dedup.internal.DedupComponent;
import io.tracker.preprocessor.dedup.internal.DedupConfig;
import io.tracker.preprocessor.privacy.internal.PrivacyComponent;
import io.tracker.preprocessor.privacy.internal.PrivacyConfig;
import io.tracker.processing.internal.preprocess.PreprocessorRegistry;
import java.util.Map;

/**
 * The three preprocessors the distribution ships, created through their real components from the shipped
 * {@code config/io.tracker.preprocessor.*-default.cfg} files, as Declarative Services would create them.
 * Each call makes a new instance: the dedup preprocessor's memory of ids belongs to its instance.
 */
public final class ShippedPreprocessors {

    /** How long a request waits for a preprocessor being replaced: the processing default. */
    private static final long PREPROCESSOR_WAIT_MS = 2_000;

    private ShippedPreprocessors() {
    }

    public static EventPreprocessor bots() {
        Map<String, Object> properties = ShippedConfig.properties("io.tracker.preprocessor.bots-default.cfg");
        return new BotsComponent(ConfigAnnotations.of(BotsConfig.class, properties), properties);
    }

    public static EventPreprocessor dedup() {
        Map<String, Object> properties = ShippedConfig.properties("io.tracker.preprocessor.dedup-default.cfg");
        return new DedupComponent(ConfigAnnotations.of(DedupConfig.class, properties), properties);
    }

    public static EventPreprocessor privacy() {
        Map<String, Object> properties = ShippedConfig.properties("io.tracker.preprocessor.privacy-default.cfg");
        return new PrivacyComponent(ConfigAnnotations.of(PrivacyConfig.class, properties), properties);
    }

    /** A registry holding all three under the names the shipped event types list them by. */
    public static PreprocessorRegistry registry() {
        PreprocessorRegistry registry = new PreprocessorRegistry(PREPROCESSOR_WAIT_MS);
        registry.add("bots", bots());
        registry.add("dedup", dedup());
        registry.add("privacy", privacy());
        return registry;
    }
}

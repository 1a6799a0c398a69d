package io.tracker.collector.kafka.internal;

import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes sure the configured compression works here ({@link CompressionProbe}). An explicit
 * {@code compression.type} that does not work is a bad value; the default, lz4, falls back to gzip (part of
 * the JDK) with a warning, so that a platform without lz4 still delivers.
 */
final class Compressions {

    private static final Logger LOG = LoggerFactory.getLogger(Compressions.class);

    private Compressions() {
    }

    /**
     * @param properties the raw configuration, to tell an explicit compression.type from the default
     * @throws IllegalArgumentException naming the source, key and value, if an explicit type does not work
     */
    static KafkaSettings usable(KafkaSettings settings, Map<String, ?> properties, String source) {
        Throwable failure = CompressionProbe.failure(settings.compressionType());
        if (failure == null) {
            return settings;
        }
        if (properties.containsKey("compression.type")) {
            throw KafkaSettings.invalid(source, "compression.type", settings.compressionType(),
                    "does not work here: " + failure);
        }
        LOG.warn("Kafka collector '{}': the default compression {} does not work here ({}); using {}",
                settings.name(), settings.compressionType(), failure.toString(), KafkaSettings.FALLBACK_COMPRESSION);
        return settings.withCompressionType(KafkaSettings.FALLBACK_COMPRESSION);
    }
}

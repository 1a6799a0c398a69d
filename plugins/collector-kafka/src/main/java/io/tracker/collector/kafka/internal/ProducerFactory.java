package io.tracker.collector.kafka.internal;

import java.util.Map;
import java.util.function.Supplier;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Creates the collector's producers. Serializers are passed as instances, so Kafka loads no class by name for
 * them; what it still loads by name (metric reporters, configured interceptors) comes from this bundle, as
 * the producer is built under its class loader.
 */
final class ProducerFactory implements Supplier<Producer<String, byte[]>> {

    private final Map<String, Object> properties;

    ProducerFactory(Map<String, Object> properties) {
        this.properties = Map.copyOf(properties);
    }

    @Override
    public Producer<String, byte[]> get() {
        return ContextClassLoader.withBundleLoader(
                () -> new KafkaProducer<>(properties, new StringSerializer(), new ByteArraySerializer()));
    }
}

package io.tracker.collector.kafka.internal;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;

/** The properties of the collector's {@code KafkaProducer}: what the settings derive, then the overrides. */
final class ProducerProperties {

    private ProducerProperties() {
    }

    static Map<String, Object> of(KafkaSettings settings) {
        Map<String, Object> properties = new HashMap<>();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
        // one client id per collector: broker quotas and logs, and distinct JMX names for several instances
        properties.put(ProducerConfig.CLIENT_ID_CONFIG, "tracker-" + settings.name());
        properties.put(ProducerConfig.ACKS_CONFIG, settings.acks());
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        properties.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, settings.compressionType());
        properties.put(ProducerConfig.LINGER_MS_CONFIG, settings.lingerMs());
        properties.put(ProducerConfig.BATCH_SIZE_CONFIG, settings.batchSize());
        properties.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, settings.deliveryTimeoutMs());
        // Kafka requires delivery.timeout.ms >= linger.ms + request.timeout.ms; a short delivery timeout
        // lowers the request timeout with it
        properties.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.min(KafkaSettings.KAFKA_REQUEST_TIMEOUT_MS,
                settings.deliveryTimeoutMs() - settings.lingerMs()));
        // send() waits up to max.block.ms for a topic's metadata (a broker that is down): a collect must not
        // wait longer for that than for an acknowledgement
        properties.put(ProducerConfig.MAX_BLOCK_MS_CONFIG,
                (long) Math.min(KafkaSettings.KAFKA_MAX_BLOCK_MS, settings.deliveryTimeoutMs()));
        // One request in flight per broker: with more, a batch refused by a partition that is still being
        // created (auto-created topic) can be overtaken by the next one, and the broker, holding no state for
        // the producer yet, accepts that one; the first then fails with OUT_OF_ORDER_SEQUENCE until
        // delivery.timeout.ms (KAFKA-15591, KAFKA-14312, KAFKA-19880). Each collect waits for its
        // acknowledgements anyway, so the cost is small; producer.max.in.flight.requests.per.connection (up to
        // 5 with idempotence) trades that stall for throughput.
        properties.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1);
        properties.putAll(settings.producerOverrides());
        return properties;
    }
}

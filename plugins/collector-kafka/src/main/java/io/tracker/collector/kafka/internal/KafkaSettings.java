package io.tracker.collector.kafka.internal;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * A Kafka collector's configuration, checked once: {@link #from(Map, String)} reads the keys documented in
 * {@link KafkaCollectorConfig} plus every {@code producer.*} key, and refuses a bad value with a message that
 * names the configuration, the key and the value. Immutable.
 *
 * @param keyDimension       the dimension keying records, or null for the event id
 * @param schemaHeader       the {@code tracker.schema} header's value, or null for no header
 * @param producerOverrides  {@code producer.*} and {@code .producer.*} values by Kafka property name, as given
 * @param unknownProducerKeys producer properties Kafka does not declare (passed on all the same)
 */
record KafkaSettings(String name, String bootstrapServers, TopicTemplate topic, String keyDimension,
        String schemaHeader, String acks, String compressionType, long lingerMs, int batchSize,
        int deliveryTimeoutMs, long closeTimeoutMs, Map<String, Object> producerOverrides,
        Set<String> unknownProducerKeys) {

    static final String FACTORY_PID = "io.tracker.collector.kafka";

    static final String DEFAULT_NAME = "kafka";
    static final String DEFAULT_TOPIC = "tracker." + TopicTemplate.TYPE;
    static final String DEFAULT_SCHEMA = "event/1";
    static final String DEFAULT_ACKS = "all";
    static final String DEFAULT_COMPRESSION = "lz4";
    /** Used when lz4 was not asked for explicitly and does not work here. */
    static final String FALLBACK_COMPRESSION = "gzip";
    static final long DEFAULT_LINGER_MS = 5;
    static final int DEFAULT_BATCH_SIZE = 64 * 1024;
    static final int DEFAULT_DELIVERY_TIMEOUT_MS = 30_000;
    static final long DEFAULT_CLOSE_TIMEOUT_MS = 5_000;
    static final int MIN_DELIVERY_TIMEOUT_MS = 1_000;
    /** Kafka's own defaults, lowered when a short delivery.timeout.ms needs it. */
    static final int KAFKA_REQUEST_TIMEOUT_MS = 30_000;
    static final int KAFKA_MAX_BLOCK_MS = 60_000;

    static final String PRODUCER_PREFIX = "producer.";
    /** Private properties (leading dot) are not published as service properties: the place for secrets. */
    static final String PRIVATE_PRODUCER_PREFIX = "." + PRODUCER_PREFIX;

    private static final List<String> COMPRESSION_TYPES = List.of("lz4", "gzip", "snappy", "zstd", "none");
    private static final Set<String> FIRST_CLASS = Set.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
            ProducerConfig.ACKS_CONFIG, ProducerConfig.COMPRESSION_TYPE_CONFIG, ProducerConfig.LINGER_MS_CONFIG,
            ProducerConfig.BATCH_SIZE_CONFIG, ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG);
    private static final Map<String, String> REFUSED = Map.of(
            ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, "the key is the configured dimension or the event id",
            ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, "the value is the event as JSON",
            ProducerConfig.TRANSACTIONAL_ID_CONFIG, "the collector does not use transactions; "
                    + "it relies on the idempotent producer and the tracker's redelivery");

    KafkaSettings {
        producerOverrides = Collections.unmodifiableMap(new LinkedHashMap<>(producerOverrides));
        unknownProducerKeys = Collections.unmodifiableSet(new TreeSet<>(unknownProducerKeys));
    }

    /**
     * @param properties the configuration's properties as ConfigAdmin gives them (strings from a .cfg file,
     *                   or typed values)
     * @param source     where the configuration came from (PID, file), named in error messages
     * @throws IllegalArgumentException naming the source, the key and the value
     */
    static KafkaSettings from(Map<String, ?> properties, String source) {
        return new Parse(properties, source).settings();
    }

    /** Whether the idempotent producer is on: unless {@code producer.enable.idempotence = false}. */
    boolean idempotent() {
        Object value = producerOverrides.get(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG);
        return value == null || Boolean.parseBoolean(String.valueOf(value).trim());
    }

    /** The same settings with another compression type (the fallback when the default does not work). */
    KafkaSettings withCompressionType(String type) {
        return new KafkaSettings(name, bootstrapServers, topic, keyDimension, schemaHeader, acks, type, lingerMs,
                batchSize, deliveryTimeoutMs, closeTimeoutMs, producerOverrides, unknownProducerKeys);
    }

    /** What the log says about this collector: no secrets. */
    @Override
    public String toString() {
        return "bootstrap.servers=" + bootstrapServers + ", topic=" + topic
                + ", key=" + (keyDimension == null ? "event id" : "dimension '" + keyDimension + "'")
                + ", acks=" + acks + (idempotent() ? ", idempotent" : ", not idempotent")
                + ", compression=" + compressionType + ", linger.ms=" + lingerMs + ", batch.size=" + batchSize
                + ", delivery.timeout.ms=" + deliveryTimeoutMs
                + (producerOverrides.isEmpty() ? "" : ", producer " + ProducerOverrides.describe(producerOverrides));
    }

    static IllegalArgumentException invalid(String source, String key, Object value, String reason) {
        return new IllegalArgumentException(source + ": key '" + key + "' = '" + value + "': " + reason);
    }

    /** One parse: the properties, the source, and helpers that name both in their errors. */
    private static final class Parse {
        private final Map<String, ?> properties;
        private final String source;

        Parse(Map<String, ?> properties, String source) {
            this.properties = properties;
            this.source = source;
        }

        KafkaSettings settings() {
            String name = text("tracker.collector.name", DEFAULT_NAME);
            if (name.isEmpty()) {
                throw invalid(source, "tracker.collector.name", name, "a name is required");
            }
            String bootstrapServers = bootstrapServers();
            TopicTemplate topic = topic();
            String keyDimension = text("key.dimension", "");
            String schemaHeader = text("schema.header", DEFAULT_SCHEMA);
            String compression = text("compression.type", DEFAULT_COMPRESSION).toLowerCase(Locale.ROOT);
            if (!COMPRESSION_TYPES.contains(compression)) {
                throw invalid(source, "compression.type", compression, "expected one of " + COMPRESSION_TYPES);
            }
            long lingerMs = number("linger.ms", DEFAULT_LINGER_MS, 0, 60_000);
            int batchSize = (int) number("batch.size", DEFAULT_BATCH_SIZE, 0, 64 * 1024 * 1024);
            int deliveryTimeoutMs = (int) number("delivery.timeout.ms", DEFAULT_DELIVERY_TIMEOUT_MS,
                    MIN_DELIVERY_TIMEOUT_MS, Integer.MAX_VALUE);
            if (lingerMs >= deliveryTimeoutMs) {
                throw invalid(source, "linger.ms", lingerMs,
                        "must be below delivery.timeout.ms (" + deliveryTimeoutMs + ")");
            }
            long closeTimeoutMs = number("close.timeout.ms", DEFAULT_CLOSE_TIMEOUT_MS, 0, Integer.MAX_VALUE);
            ProducerOverrides overrides = ProducerOverrides.parse(properties, source, FIRST_CLASS, REFUSED);
            KafkaSettings settings = new KafkaSettings(name, bootstrapServers, topic,
                    keyDimension.isEmpty() ? null : keyDimension, schemaHeader.isEmpty() ? null : schemaHeader,
                    acks(), compression, lingerMs, batchSize, deliveryTimeoutMs, closeTimeoutMs,
                    overrides.values(), overrides.unknownKeys());
            checkAcks(settings);
            checkIdempotence(settings);
            checkRequestTimeout(settings);
            return settings;
        }

        private String bootstrapServers() {
            String value = text(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "");
            if (value.isEmpty()) {
                throw invalid(source, ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, value,
                        "required: the brokers to connect to, host:port, comma-separated");
            }
            for (String server : value.split(",")) {
                String trimmed = server.trim();
                int colon = trimmed.lastIndexOf(':');
                if (colon <= 0 || !isPort(trimmed.substring(colon + 1))) {
                    throw invalid(source, ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, value,
                            "'" + trimmed + "' is not host:port");
                }
            }
            return value.replace(" ", "");
        }

        private TopicTemplate topic() {
            String value = text("topic", DEFAULT_TOPIC);
            try {
                return TopicTemplate.parse(value);
            } catch (IllegalArgumentException e) {
                throw invalid(source, "topic", value, e.getMessage());
            }
        }

        private String acks() {
            String value = text(ProducerConfig.ACKS_CONFIG, DEFAULT_ACKS).toLowerCase(Locale.ROOT);
            switch (value) {
                case "all":
                case "-1":
                    return "all";
                case "1":
                case "0":
                    return value;
                default:
                    throw invalid(source, ProducerConfig.ACKS_CONFIG, value, "expected all, 1 or 0");
            }
        }

        /** Kafka would refuse it too, but later and without naming our keys. */
        private void checkAcks(KafkaSettings settings) {
            if (settings.idempotent() && !settings.acks().equals("all")) {
                throw invalid(source, ProducerConfig.ACKS_CONFIG, settings.acks(), "the idempotent producer needs "
                        + "acks=all; set producer.enable.idempotence = false to use another value");
            }
        }

        /** The producer's own cross-checks, made here because it is only created for the first batch. */
        private void checkIdempotence(KafkaSettings settings) {
            if (!settings.idempotent()) {
                return;
            }
            Object inFlight = settings.producerOverrides().get(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION);
            if (inFlight != null && Integer.parseInt(String.valueOf(inFlight).trim()) > 5) {
                throw invalid(source, PRODUCER_PREFIX + ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, inFlight,
                        "the idempotent producer allows at most 5");
            }
            Object retries = settings.producerOverrides().get(ProducerConfig.RETRIES_CONFIG);
            if (retries != null && Integer.parseInt(String.valueOf(retries).trim()) == 0) {
                throw invalid(source, PRODUCER_PREFIX + ProducerConfig.RETRIES_CONFIG, retries,
                        "the idempotent producer needs retries");
            }
        }

        /** Kafka requires delivery.timeout.ms >= linger.ms + request.timeout.ms. */
        private void checkRequestTimeout(KafkaSettings settings) {
            Object requestTimeout = settings.producerOverrides().get(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG);
            if (requestTimeout != null) {
                long requestTimeoutMs = Long.parseLong(String.valueOf(requestTimeout).trim());
                if (settings.lingerMs() + requestTimeoutMs > settings.deliveryTimeoutMs()) {
                    throw invalid(source, PRODUCER_PREFIX + ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, requestTimeout,
                            "linger.ms + request.timeout.ms must not exceed delivery.timeout.ms ("
                                    + settings.deliveryTimeoutMs() + ")");
                }
            }
        }

        private String text(String key, String defaultValue) {
            Object value = properties.get(key);
            return value == null ? defaultValue : String.valueOf(value).trim();
        }

        private long number(String key, long defaultValue, long min, long max) {
            Object value = properties.get(key);
            if (value == null) {
                return defaultValue;
            }
            long number;
            try {
                number = value instanceof Number ? ((Number) value).longValue() : Long.parseLong(String.valueOf(value).trim());
            } catch (NumberFormatException e) {
                throw invalid(source, key, value, "expected a whole number");
            }
            if (number < min || number > max) {
                throw invalid(source, key, value, "expected " + min + " to " + max);
            }
            return number;
        }

        private static boolean isPort(String text) {
            try {
                int port = Integer.parseInt(text);
                return port > 0 && port <= 65_535;
            } catch (NumberFormatException e) {
                return false;
            }
        }
    }
}

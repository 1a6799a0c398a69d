package io.tracker.collector.kafka.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

/**
 * The {@code producer.*} keys of a configuration: any Kafka producer property, passed as it is. A value is
 * checked against Kafka's own definition of the property (type and range) so that a typo fails when the
 * configuration is applied, naming the key; a property Kafka does not declare is passed on and reported.
 *
 * <p>Class-valued properties (interceptors, partitioner) are loaded through the thread context class loader:
 * parse with the bundle's class loader in place.
 */
record ProducerOverrides(Map<String, Object> values, Set<String> unknownKeys) {

    private static final Map<String, ConfigDef.ConfigKey> KAFKA_KEYS = ProducerConfig.configDef().configKeys();

    /** Copies, keeping the order of the keys. */
    ProducerOverrides {
        values = new LinkedHashMap<>(values);
        unknownKeys = new TreeSet<>(unknownKeys);
    }

    /**
     * @param firstClass Kafka properties the collector has its own key for: refused as {@code producer.*}
     * @param refused    Kafka properties the collector sets itself, with the reason
     */
    static ProducerOverrides parse(Map<String, ?> properties, String source, Set<String> firstClass,
            Map<String, String> refused) {
        Map<String, Object> values = new TreeMap<>();
        Set<String> unknown = new TreeSet<>();
        for (Map.Entry<String, ?> entry : properties.entrySet()) {
            String key = entry.getKey();
            String name = kafkaName(key);
            if (name == null) {
                continue;
            }
            Object value = entry.getValue();
            ConfigDef.ConfigKey definition = KAFKA_KEYS.get(name);
            Object shown = definition != null && definition.type == ConfigDef.Type.PASSWORD ? "[hidden]" : value;
            if (name.isEmpty()) {
                throw KafkaSettings.invalid(source, key, shown, "a producer property name must follow the prefix");
            }
            if (firstClass.contains(name)) {
                throw KafkaSettings.invalid(source, key, shown, "set it as '" + name + "' instead");
            }
            if (refused.containsKey(name)) {
                throw KafkaSettings.invalid(source, key, shown, "not configurable: " + refused.get(name));
            }
            if (values.containsKey(name)) {
                throw KafkaSettings.invalid(source, key, shown, "set twice, with and without the leading dot");
            }
            if (definition == null) {
                unknown.add(name);
            } else {
                check(definition, value, source, key, shown);
            }
            values.put(name, value);
        }
        return new ProducerOverrides(values, unknown);
    }

    /** The overrides for a log line: names and values, passwords hidden. */
    static String describe(Map<String, Object> overrides) {
        StringJoiner text = new StringJoiner(", ", "[", "]");
        for (Map.Entry<String, Object> entry : overrides.entrySet()) {
            ConfigDef.ConfigKey definition = KAFKA_KEYS.get(entry.getKey());
            boolean secret = definition != null && definition.type == ConfigDef.Type.PASSWORD;
            text.add(entry.getKey() + "=" + (secret ? "[hidden]" : entry.getValue()));
        }
        return text.toString();
    }

    /** The Kafka property name of a configuration key, or null when it is not a producer property. */
    private static String kafkaName(String key) {
        if (key.startsWith(KafkaSettings.PRODUCER_PREFIX)) {
            return key.substring(KafkaSettings.PRODUCER_PREFIX.length());
        }
        if (key.startsWith(KafkaSettings.PRIVATE_PRODUCER_PREFIX)) {
            return key.substring(KafkaSettings.PRIVATE_PRODUCER_PREFIX.length());
        }
        return null;
    }

    private static void check(ConfigDef.ConfigKey definition, Object value, String source, String key, Object shown) {
        try {
            Object parsed = ConfigDef.parseType(definition.name, value, definition.type);
            if (definition.validator != null) {
                definition.validator.ensureValid(definition.name, parsed);
            }
        } catch (ConfigException e) {
            throw KafkaSettings.invalid(source, key, shown, reason(e, definition));
        }
    }

    /** Kafka's message, without the value itself when it is a secret. */
    private static String reason(ConfigException e, ConfigDef.ConfigKey definition) {
        if (definition.type == ConfigDef.Type.PASSWORD) {
            return "not a valid " + definition.type.name().toLowerCase(java.util.Locale.ROOT) + " for Kafka";
        }
        return e.getMessage();
    }
}

package io.tracker.collector.kafka.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The Metatype of {@link KafkaCollector}: names, descriptions and defaults for the configuration reference
 * and ConfigAdmin tools. {@link KafkaSettings} reads the same keys and checks them.
 */
@ObjectClassDefinition(
        name = "Tracker Kafka collector",
        description = "Sends events to Apache Kafka: one topic per event type, the event as JSON, keyed by its id "
                + "or a dimension. Every collect waits for the broker's acknowledgement of each event (idempotent "
                + "producer, acks=all), so a broker outage only grows this collector's lag. Any Kafka producer "
                + "property can be passed as producer.<property> (or .producer.<property> for secrets, which are "
                + "then not published as service properties). A factory configuration: each "
                + "config/io.tracker.collector.kafka-<name>.cfg runs one instance, e.g. one per cluster.")
public @interface KafkaCollectorConfig {

    @AttributeDefinition(description = "Kafka brokers to bootstrap from, host:port, comma-separated. Required.")
    String bootstrap_servers();

    @AttributeDefinition(description = "Event types sent by this instance, comma-separated, or * for all.")
    String event_types() default "*";

    @AttributeDefinition(description = "Topic of each event: ${type} is replaced by the event type. In a .cfg "
            + "file write {type} instead (FileInstall replaces ${...} with a system property, or with nothing). "
            + "Topic names may hold letters, digits, '.', '_' and '-'.")
    String topic() default KafkaSettings.DEFAULT_TOPIC;

    @AttributeDefinition(description = "Dimension whose value is the message key (Kafka partitions by key, so "
            + "events with the same key stay in order), e.g. user_id. Empty: the event id. An event without "
            + "the dimension, or with an empty value, is keyed by its id.")
    String key_dimension() default "";

    @AttributeDefinition(description = "Value of the tracker.schema header on every message; empty to omit the "
            + "header. Raise it when the value's format changes.")
    String schema_header() default KafkaSettings.DEFAULT_SCHEMA;

    @AttributeDefinition(description = "Acknowledgements the producer waits for: all (every in-sync replica), 1 "
            + "or 0. Anything but all needs producer.enable.idempotence = false and can lose acknowledged events.")
    String acks() default KafkaSettings.DEFAULT_ACKS;

    @AttributeDefinition(description = "Compression of message batches: lz4, gzip, snappy, zstd or none. All "
            + "five are embedded; snappy and zstd load a native library (extracted to java.io.tmpdir).")
    String compression_type() default KafkaSettings.DEFAULT_COMPRESSION;

    @AttributeDefinition(description = "How long the producer may wait for more events to fill a batch, in "
            + "milliseconds. Each collect ends with a flush, so this only shapes batches within one collect.")
    long linger_ms() default KafkaSettings.DEFAULT_LINGER_MS;

    @AttributeDefinition(description = "Largest batch per partition, in bytes (before compression).")
    int batch_size() default KafkaSettings.DEFAULT_BATCH_SIZE;

    @AttributeDefinition(description = "How long a collect may wait for the acknowledgement of its events, in "
            + "milliseconds, at least 1000. Past it the collect fails and the tracker retries the batch later: "
            + "during a broker outage each attempt takes about this long.")
    int delivery_timeout_ms() default KafkaSettings.DEFAULT_DELIVERY_TIMEOUT_MS;

    @AttributeDefinition(description = "How long stopping the collector waits for the producer to close, in "
            + "milliseconds.")
    long close_timeout_ms() default KafkaSettings.DEFAULT_CLOSE_TIMEOUT_MS;

    @AttributeDefinition(description = "Name of this collector in logs and the console, and the key of its "
            + "journal cursor: an instance keeps its name across upgrades. Each instance needs its own.")
    String tracker_collector_name() default KafkaSettings.DEFAULT_NAME;

    @AttributeDefinition(description = "On the first attach ever: 'earliest' (everything the journal holds) or "
            + "'latest'. Later attaches resume from the cursor.")
    String start_position() default "earliest";

    @AttributeDefinition(description = "When the journal's quota is reached while this collector is behind (a "
            + "long broker outage): 'drop-oldest' or 'reject' (hits get 503). Default: the tracker's "
            + "collector.overflow.default.", required = false)
    String overflow_policy();
}

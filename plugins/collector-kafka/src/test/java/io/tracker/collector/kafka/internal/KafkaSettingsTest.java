package io.tracker.collector.kafka.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KafkaSettingsTest {

    private static final String SOURCE = KafkaSettings.FACTORY_PID + " (io.tracker.collector.kafka-main.cfg)";
    private static final String SERVERS = "kafka-1:9092,kafka-2:9092";

    @Test
    void defaults() {
        KafkaSettings settings = settings(Map.of());

        assertThat(settings.name()).isEqualTo("kafka");
        assertThat(settings.bootstrapServers()).isEqualTo(SERVERS);
        assertThat(settings.topic().topicFor("click")).isEqualTo("tracker.click");
        assertThat(settings.keyDimension()).isNull();
        assertThat(settings.schemaHeader()).isEqualTo("event/1");
        assertThat(settings.acks()).isEqualTo("all");
        assertThat(settings.idempotent()).isTrue();
        assertThat(settings.compressionType()).isEqualTo("lz4");
        assertThat(settings.lingerMs()).isEqualTo(5);
        assertThat(settings.batchSize()).isEqualTo(65_536);
        assertThat(settings.deliveryTimeoutMs()).isEqualTo(30_000);
        assertThat(settings.closeTimeoutMs()).isEqualTo(5_000);
        assertThat(settings.producerOverrides()).isEmpty();
        assertThat(settings.unknownProducerKeys()).isEmpty();
    }

    @Test
    void readsStringValuesAsFileInstallGivesThem() {
        KafkaSettings settings = settings(Map.of("tracker.collector.name", " kafka-eu ",
                "topic", "ads.{type}", "key.dimension", "user_id", "schema.header", "",
                "acks", "-1", "compression.type", "ZSTD", "linger.ms", "20", "batch.size", "131072",
                "delivery.timeout.ms", "45000", "close.timeout.ms", "1000"));

        assertThat(settings.name()).isEqualTo("kafka-eu");
        assertThat(settings.topic().topicFor("click")).isEqualTo("ads.click");
        assertThat(settings.keyDimension()).isEqualTo("user_id");
        assertThat(settings.schemaHeader()).isNull();
        assertThat(settings.acks()).isEqualTo("all");
        assertThat(settings.compressionType()).isEqualTo("zstd");
        assertThat(settings.lingerMs()).isEqualTo(20);
        assertThat(settings.batchSize()).isEqualTo(131_072);
        assertThat(settings.deliveryTimeoutMs()).isEqualTo(45_000);
        assertThat(settings.closeTimeoutMs()).isEqualTo(1_000);
    }

    @Test
    void readsTypedValues() {
        KafkaSettings settings = settings(Map.of("linger.ms", 7L, "batch.size", 1024, "delivery.timeout.ms", 2000));

        assertThat(settings.lingerMs()).isEqualTo(7);
        assertThat(settings.batchSize()).isEqualTo(1024);
        assertThat(settings.deliveryTimeoutMs()).isEqualTo(2000);
    }

    @Test
    void bootstrapServersAreRequiredAndMustBeHostAndPort() {
        assertThatThrownBy(() -> KafkaSettings.from(Map.of(), SOURCE))
                .hasMessage(SOURCE + ": key 'bootstrap.servers' = '': required: the brokers to connect to, "
                        + "host:port, comma-separated");
        assertThatThrownBy(() -> KafkaSettings.from(Map.of("bootstrap.servers", "kafka-1"), SOURCE))
                .hasMessage(SOURCE + ": key 'bootstrap.servers' = 'kafka-1': 'kafka-1' is not host:port");
        assertThatThrownBy(() -> KafkaSettings.from(Map.of("bootstrap.servers", "a:9092,b:x"), SOURCE))
                .hasMessageContaining("'b:x' is not host:port");
        assertThatThrownBy(() -> KafkaSettings.from(Map.of("bootstrap.servers", "a:70000"), SOURCE))
                .hasMessageContaining("'a:70000' is not host:port");
        assertThat(KafkaSettings.from(Map.of("bootstrap.servers", " a:1, [::1]:9092 "), SOURCE).bootstrapServers())
                .isEqualTo("a:1,[::1]:9092");
    }

    @Test
    void badValuesNameTheSourceTheKeyAndTheValue() {
        assertThatThrownBy(() -> settings(Map.of("linger.ms", "soon")))
                .hasMessage(SOURCE + ": key 'linger.ms' = 'soon': expected a whole number");
        assertThatThrownBy(() -> settings(Map.of("linger.ms", "-1")))
                .hasMessage(SOURCE + ": key 'linger.ms' = '-1': expected 0 to 60000");
        assertThatThrownBy(() -> settings(Map.of("batch.size", "-5")))
                .hasMessageContaining("key 'batch.size' = '-5'");
        assertThatThrownBy(() -> settings(Map.of("delivery.timeout.ms", "999")))
                .hasMessage(SOURCE + ": key 'delivery.timeout.ms' = '999': expected 1000 to 2147483647");
        assertThatThrownBy(() -> settings(Map.of("close.timeout.ms", "-1")))
                .hasMessageContaining("key 'close.timeout.ms' = '-1'");
        assertThatThrownBy(() -> settings(Map.of("compression.type", "brotli")))
                .hasMessage(SOURCE + ": key 'compression.type' = 'brotli': expected one of "
                        + "[lz4, gzip, snappy, zstd, none]");
        assertThatThrownBy(() -> settings(Map.of("acks", "2")))
                .hasMessage(SOURCE + ": key 'acks' = '2': expected all, 1 or 0");
        assertThatThrownBy(() -> settings(Map.of("topic", "tracker/${type}")))
                .hasMessageStartingWith(SOURCE + ": key 'topic' = 'tracker/${type}': topic names hold");
        assertThatThrownBy(() -> settings(Map.of("tracker.collector.name", " ")))
                .hasMessageContaining("key 'tracker.collector.name'");
    }

    @Test
    void lingerMustStayBelowTheDeliveryTimeout() {
        assertThatThrownBy(() -> settings(Map.of("linger.ms", "2000", "delivery.timeout.ms", "2000")))
                .hasMessage(SOURCE + ": key 'linger.ms' = '2000': must be below delivery.timeout.ms (2000)");
    }

    @Test
    void acksOtherThanAllNeedIdempotenceOff() {
        assertThatThrownBy(() -> settings(Map.of("acks", "1")))
                .hasMessageContaining("key 'acks' = '1': the idempotent producer needs acks=all");

        KafkaSettings settings = settings(Map.of("acks", "1", "producer.enable.idempotence", "false"));

        assertThat(settings.acks()).isEqualTo("1");
        assertThat(settings.idempotent()).isFalse();
        assertThat(ProducerProperties.of(settings)).containsEntry("enable.idempotence", "false").containsEntry("acks", "1");
    }

    @Test
    void producerPropertiesPassThroughAsGiven() {
        KafkaSettings settings = settings(Map.of("producer.max.in.flight.requests.per.connection", "5",
                "producer.client.id", "tracker-eu", "producer.buffer.memory", 8_388_608L,
                "producer.partitioner.class", "org.apache.kafka.clients.producer.RoundRobinPartitioner"));

        assertThat(settings.producerOverrides()).containsOnly(
                Map.entry("max.in.flight.requests.per.connection", "5"), Map.entry("client.id", "tracker-eu"),
                Map.entry("buffer.memory", 8_388_608L),
                Map.entry("partitioner.class", "org.apache.kafka.clients.producer.RoundRobinPartitioner"));
        assertThat(ProducerProperties.of(settings))
                .containsEntry("max.in.flight.requests.per.connection", "5")
                .containsEntry("client.id", "tracker-eu")
                .containsEntry("buffer.memory", 8_388_608L);
    }

    @Test
    void producerValuesAreCheckedAgainstKafkasDefinition() {
        assertThatThrownBy(() -> settings(Map.of("producer.max.in.flight.requests.per.connection", "many")))
                .hasMessageStartingWith(SOURCE + ": key 'producer.max.in.flight.requests.per.connection' = 'many': ")
                .hasMessageContaining("Invalid value many");
        assertThatThrownBy(() -> settings(Map.of("producer.buffer.memory", "-1")))
                .hasMessageStartingWith(SOURCE + ": key 'producer.buffer.memory' = '-1': ");
        assertThatThrownBy(() -> settings(Map.of("producer.partitioner.class", "com.example.Missing")))
                .hasMessageStartingWith(SOURCE + ": key 'producer.partitioner.class' = 'com.example.Missing': ")
                .hasMessageContaining("Class com.example.Missing could not be found");
    }

    @Test
    void theIdempotentProducersOwnLimitsAreCheckedUpFront() {
        assertThatThrownBy(() -> settings(Map.of("producer.max.in.flight.requests.per.connection", "6")))
                .hasMessage(SOURCE + ": key 'producer.max.in.flight.requests.per.connection' = '6': the idempotent "
                        + "producer allows at most 5");
        assertThatThrownBy(() -> settings(Map.of("producer.retries", "0")))
                .hasMessage(SOURCE + ": key 'producer.retries' = '0': the idempotent producer needs retries");
        assertThat(settings(Map.of("producer.enable.idempotence", "false", "producer.retries", "0",
                "producer.max.in.flight.requests.per.connection", "10")).idempotent()).isFalse();
    }

    @Test
    void producerKeysWithTheirOwnCollectorKeyAreRefused() {
        assertThatThrownBy(() -> settings(Map.of("producer.linger.ms", "10")))
                .hasMessage(SOURCE + ": key 'producer.linger.ms' = '10': set it as 'linger.ms' instead");
        assertThatThrownBy(() -> settings(Map.of("producer.bootstrap.servers", "x:1")))
                .hasMessageContaining("set it as 'bootstrap.servers' instead");
        assertThatThrownBy(() -> settings(Map.of("producer.compression.type", "gzip")))
                .hasMessageContaining("set it as 'compression.type' instead");
    }

    @Test
    void producerKeysTheCollectorOwnsAreRefused() {
        assertThatThrownBy(() -> settings(Map.of("producer.value.serializer", "x.Y")))
                .hasMessage(SOURCE + ": key 'producer.value.serializer' = 'x.Y': not configurable: the value is "
                        + "the event as JSON");
        assertThatThrownBy(() -> settings(Map.of("producer.transactional.id", "t")))
                .hasMessageContaining("not configurable: the collector does not use transactions");
        assertThatThrownBy(() -> settings(Map.of("producer.", "x")))
                .hasMessageContaining("a producer property name must follow the prefix");
    }

    @Test
    void unknownProducerKeysArePassedOnAndReported() {
        KafkaSettings settings = settings(Map.of("producer.lingerms", "10",
                "producer.config.providers.file.class", "x"));

        assertThat(settings.unknownProducerKeys()).containsExactly("config.providers.file.class", "lingerms");
        assertThat(ProducerProperties.of(settings)).containsEntry("lingerms", "10");
    }

    @Test
    void privateProducerKeysAreProducerKeysToo() {
        KafkaSettings settings = settings(Map.of(".producer.sasl.jaas.config", "secret-jaas",
                "producer.security.protocol", "SASL_SSL"));

        assertThat(ProducerProperties.of(settings))
                .containsEntry("sasl.jaas.config", "secret-jaas").containsEntry("security.protocol", "SASL_SSL");
        assertThat(settings.toString()).contains("sasl.jaas.config=[hidden]").doesNotContain("secret-jaas");
        assertThatThrownBy(() -> settings(Map.of(".producer.acks", "1")))
                .hasMessageContaining("key '.producer.acks'").hasMessageContaining("set it as 'acks' instead");
        assertThatThrownBy(() -> settings(Map.of(".producer.client.id", "a", "producer.client.id", "b")))
                .hasMessageContaining("set twice");
    }

    @Test
    void aShortDeliveryTimeoutLowersTheRequestTimeoutAndMaxBlock() {
        Map<String, Object> properties = ProducerProperties.of(settings(Map.of("delivery.timeout.ms", "3000")));

        assertThat(properties).containsEntry("delivery.timeout.ms", 3000)
                .containsEntry("request.timeout.ms", 2995).containsEntry("max.block.ms", 3000L);
    }

    @Test
    void theDefaultsKeepKafkasTimeoutsWhereTheyFit() {
        Map<String, Object> properties = ProducerProperties.of(settings(Map.of("delivery.timeout.ms", "120000")));

        assertThat(properties).containsEntry("request.timeout.ms", 30_000).containsEntry("max.block.ms", 60_000L);
    }

    @Test
    void anExplicitRequestTimeoutMustFitTheDeliveryTimeout() {
        assertThatThrownBy(() -> settings(Map.of("delivery.timeout.ms", "3000",
                "producer.request.timeout.ms", "3000")))
                .hasMessage(SOURCE + ": key 'producer.request.timeout.ms' = '3000': linger.ms + request.timeout.ms "
                        + "must not exceed delivery.timeout.ms (3000)");
        assertThat(ProducerProperties.of(settings(Map.of("delivery.timeout.ms", "3000",
                "producer.request.timeout.ms", "1000")))).containsEntry("request.timeout.ms", "1000");
    }

    @Test
    void producerPropertiesTheCollectorDerives() {
        Map<String, Object> properties = ProducerProperties.of(settings(Map.of("tracker.collector.name", "kafka-eu",
                "compression.type", "gzip", "linger.ms", "10", "batch.size", "1000")));

        assertThat(properties).containsEntry("bootstrap.servers", SERVERS)
                .containsEntry("client.id", "tracker-kafka-eu")
                .containsEntry("acks", "all")
                .containsEntry("enable.idempotence", true)
                .containsEntry("compression.type", "gzip")
                .containsEntry("linger.ms", 10L)
                .containsEntry("batch.size", 1000)
                .containsEntry("max.in.flight.requests.per.connection", 1)
                .doesNotContainKeys("key.serializer", "value.serializer");
    }

    @Test
    void theLogLineNamesWhatMatters() {
        KafkaSettings settings = settings(Map.of("key.dimension", "user_id",
                "producer.max.in.flight.requests.per.connection", "5"));

        assertThat(settings.toString()).isEqualTo("bootstrap.servers=" + SERVERS + ", topic=tracker.${type}, "
                + "key=dimension 'user_id', acks=all, idempotent, compression=lz4, linger.ms=5, batch.size=65536, "
                + "delivery.timeout.ms=30000, producer [max.in.flight.requests.per.connection=5]");
    }

    @Test
    void everyCompressionTypeWorksHere() {
        for (String type : new String[] {"lz4", "gzip", "snappy", "zstd", "none"}) {
            assertThat(CompressionProbe.failure(type)).as(type).isNull();
        }
    }

    @Test
    void anExplicitCompressionThatWorksIsKept() {
        Map<String, Object> properties = withServers(Map.of("compression.type", "zstd"));

        KafkaSettings settings = Compressions.usable(KafkaSettings.from(properties, SOURCE), properties, SOURCE);

        assertThat(settings.compressionType()).isEqualTo("zstd");
    }

    private static KafkaSettings settings(Map<String, ?> properties) {
        return KafkaSettings.from(withServers(properties), SOURCE);
    }

    private static Map<String, Object> withServers(Map<String, ?> properties) {
        Map<String, Object> all = new HashMap<>(properties);
        all.putIfAbsent("bootstrap.servers", SERVERS);
        return all;
    }
}

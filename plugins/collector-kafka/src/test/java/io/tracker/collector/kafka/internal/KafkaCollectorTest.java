package io.tracker.collector.kafka.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tracker.api.Event;
import io.tracker.collector.kafka.testing.KafkaBroker;
import io.tracker.collector.kafka.testing.TopicReader;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.management.ObjectName;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The collector as SCR builds it (from its configuration's properties, without a framework) against a real
 * Kafka broker, read back with a real consumer. Each test writes to topics of its own.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class KafkaCollectorTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Far ahead of the broker's clock, beyond what log.message.timestamp.after.max.ms accepts in a record. */
    private static final Instant AT = Instant.parse("2099-11-28T10:15:30.123Z");

    private static KafkaBroker broker;
    private final List<KafkaCollector> collectors = new ArrayList<>();

    @BeforeAll
    static void startBroker() throws IOException, InterruptedException {
        broker = KafkaBroker.start("collector-test");
    }

    @AfterAll
    static void stopBroker() throws IOException {
        if (broker != null) {
            broker.close();
        }
    }

    @AfterEach
    void deactivate() {
        collectors.forEach(KafkaCollector::deactivate);
    }

    @Test
    void eventsOfTwoTypesArriveOnTheirTopicsKeyedByIdAsJsonWithHeaders() throws Exception {
        KafkaCollector collector = activate(Map.of("topic", "types.${type}"));
        Event impression = Event.builder("imp-1", "impression", AT)
                .dimension("campaign", "spring").metric("count", 1L).build();
        long sentAfter = System.currentTimeMillis();
        Event click = Event.builder("clk-1", "click", AT.plusSeconds(1))
                .dimension("campaign", "spring").metric("cpc", new java.math.BigDecimal("0.35")).build();

        collector.collect(List.of(impression, click, event("imp-2", "impression")));

        List<ConsumerRecord<String, byte[]>> impressions = read("types.impression");
        assertThat(impressions).extracting(ConsumerRecord::key).containsExactlyInAnyOrder("imp-1", "imp-2");
        List<ConsumerRecord<String, byte[]>> clicks = read("types.click");
        assertThat(clicks).hasSize(1);
        ConsumerRecord<String, byte[]> record = clicks.get(0);
        assertThat(record.key()).isEqualTo("clk-1");
        assertThat(record.timestamp()).as("the send time").isBetween(sentAfter, System.currentTimeMillis());
        assertThat(headers(record)).containsExactly(Map.entry("tracker.schema", "event/1"),
                Map.entry("tracker.event.type", "click"), Map.entry("tracker.event.id", "clk-1"));
        JsonNode value = JSON.readTree(record.value());
        assertThat(value.get("id").textValue()).isEqualTo("clk-1");
        assertThat(value.get("type").textValue()).isEqualTo("click");
        assertThat(value.get("timestamp").textValue()).isEqualTo("2099-11-28T10:15:31.123Z");
        assertThat(value.get("dimensions").get("campaign").textValue()).isEqualTo("spring");
        assertThat(value.get("metrics").get("cpc").decimalValue()).isEqualByComparingTo("0.35");
        ConsumerRecord<String, byte[]> first = impressions.stream()
                .filter(r -> r.key().equals("imp-1")).findFirst().orElseThrow();
        assertThat(JSON.readTree(first.value()).get("metrics").get("count").longValue()).isEqualTo(1L);
        assertThat(headers(first)).containsEntry("tracker.event.type", "impression");
    }

    @Test
    void aKeyDimensionKeysByItsValueAndEventsWithoutItByTheirId() throws Exception {
        KafkaCollector collector = activate(Map.of("topic", "keyed.{type}", "key.dimension", "user",
                "schema.header", ""));

        collector.collect(List.of(
                Event.builder("e1", "view", AT).dimension("user", "u-1").build(),
                Event.builder("e2", "view", AT).dimension("user", "u-1").build(),
                Event.builder("e3", "view", AT).dimension("user", "u-2").build(),
                Event.builder("e4", "view", AT).build()));

        List<ConsumerRecord<String, byte[]>> records = read("keyed.view");
        Map<String, String> keyById = new HashMap<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            keyById.put(JSON.readTree(record.value()).get("id").textValue(), record.key());
            assertThat(record.headers().lastHeader("tracker.schema")).isNull();
        }
        assertThat(keyById).containsOnly(Map.entry("e1", "u-1"), Map.entry("e2", "u-1"), Map.entry("e3", "u-2"),
                Map.entry("e4", "e4"));
        // one key, one partition: a user's events stay in order
        assertThat(records.stream().filter(r -> r.key().equals("u-1")).map(ConsumerRecord::partition).distinct())
                .hasSize(1);
    }

    @Test
    void producerPropertiesReachTheProducer() throws Exception {
        KafkaCollector collector = activate(Map.of("topic", "props.{type}",
                "producer.client.id", "custom-client-id",
                "producer.max.request.size", "2048",
                "producer.max.in.flight.requests.per.connection", "5"));

        collector.collect(List.of(event("small-1", "click")));
        assertThat(ManagementFactory.getPlatformMBeanServer()
                .isRegistered(new ObjectName("kafka.producer:type=app-info,id=custom-client-id"))).isTrue();
        Event large = Event.builder("large-1", "click", AT).dimension("blob", "x".repeat(4_000)).build();
        assertThatThrownBy(() -> collector.collect(List.of(large)))
                .isInstanceOf(KafkaDeliveryException.class)
                .hasMessageContaining("1 of 1 events not acknowledged")
                .hasMessageContaining("RecordTooLargeException");
        collector.collect(List.of(event("small-2", "click")));

        assertThat(read("props.click")).extracting(ConsumerRecord::key).containsExactlyInAnyOrder("small-1", "small-2");
    }

    @ParameterizedTest
    @ValueSource(strings = {"lz4", "gzip", "snappy", "zstd", "none"})
    void everyCompressionTypeDelivers(String compression) throws Exception {
        KafkaCollector collector = activate(Map.of("topic", "compressed-" + compression + ".{type}",
                "compression.type", compression, "tracker.collector.name", "kafka-" + compression));

        List<Event> batch = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            batch.add(Event.builder(compression + "-" + i, "click", AT).dimension("campaign", "spring").build());
        }
        collector.collect(batch);

        assertThat(read("compressed-" + compression + ".click")).hasSize(200);
    }

    @Test
    void aClosedProducerIsReplacedOnTheNextBatch() throws Exception {
        KafkaSettings settings = KafkaSettings.from(Map.of("bootstrap.servers", broker.bootstrapServers(),
                "topic", "replaced.{type}", "delivery.timeout.ms", "5000"), "test");
        List<Producer<String, byte[]>> created = new ArrayList<>();
        ProducerFactory factory = new ProducerFactory(ProducerProperties.of(settings));
        KafkaDelivery delivery = new KafkaDelivery(settings, () -> {
            Producer<String, byte[]> producer = factory.get();
            created.add(producer);
            return producer;
        });
        try {
            delivery.deliver(List.of(event("r-1", "click")));
            created.get(0).close();

            assertThatThrownBy(() -> delivery.deliver(List.of(event("r-2", "click"))))
                    .isInstanceOf(KafkaDeliveryException.class)
                    .hasMessageContaining("1 of 1 events not acknowledged")
                    .hasRootCauseInstanceOf(IllegalStateException.class);
            delivery.deliver(List.of(event("r-2", "click")));

            assertThat(delivery.producersCreated()).isEqualTo(2);
            assertThat(read("replaced.click")).extracting(ConsumerRecord::key).containsExactlyInAnyOrder("r-1", "r-2");
        } finally {
            delivery.close();
        }
    }

    @Test
    void anEmptyBatchSendsNothing() throws Exception {
        activate(Map.of("topic", "empty.{type}")).collect(List.of());
    }

    @Test
    void afterDeactivationCollectFails() {
        KafkaCollector collector = new KafkaCollector(properties(Map.of("tracker.collector.name", "gone")));
        collector.deactivate();

        assertThatThrownBy(() -> collector.collect(List.of(event("x", "click"))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("Kafka collector 'gone' is closed");
    }

    @Test
    void aConfigurationTheProducerWouldRefuseFailsActivationNamingTheSource() {
        Map<String, Object> properties = properties(Map.of("producer.max.in.flight.requests.per.connection", "6",
                "service.pid", "io.tracker.collector.kafka~bad"));

        assertThatThrownBy(() -> new KafkaCollector(properties))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("io.tracker.collector.kafka (io.tracker.collector.kafka~bad): key "
                        + "'producer.max.in.flight.requests.per.connection' = '6': the idempotent producer allows at most 5");
    }

    /** A name that does not resolve yet (DNS starting with the tracker) fails batches, not the collector. */
    @Test
    void bootstrapServersThatDoNotResolveFailTheBatchNotTheActivation() {
        KafkaCollector collector = new KafkaCollector(Map.of("bootstrap.servers", "kafka.does-not-exist.invalid:9092"));
        collectors.add(collector);

        assertThatThrownBy(() -> collector.collect(List.of(event("dns-1", "click"))))
                .isInstanceOf(KafkaDeliveryException.class)
                .hasMessage("Kafka collector 'kafka': could not create the producer: No resolvable bootstrap urls "
                        + "given in bootstrap.servers");
    }

    @Test
    void aBadValueFailsActivationNamingTheFileKeyAndValue() {
        Map<String, Object> properties = properties(Map.of("linger.ms", "soon",
                "felix.fileinstall.filename", "file:/tracker/config/io.tracker.collector.kafka-main.cfg"));

        assertThatThrownBy(() -> new KafkaCollector(properties))
                .hasMessage("io.tracker.collector.kafka (file:/tracker/config/io.tracker.collector.kafka-main.cfg): "
                        + "key 'linger.ms' = 'soon': expected a whole number");
    }

    private KafkaCollector activate(Map<String, Object> configuration) {
        KafkaCollector collector = new KafkaCollector(properties(configuration));
        collectors.add(collector);
        return collector;
    }

    private static Map<String, Object> properties(Map<String, Object> configuration) {
        Map<String, Object> properties = new HashMap<>(configuration);
        properties.put("bootstrap.servers", broker.bootstrapServers());
        properties.putIfAbsent("tracker.collector.name", "kafka");
        return properties;
    }

    private static List<ConsumerRecord<String, byte[]>> read(String topic) {
        return TopicReader.readAll(broker.bootstrapServers(), topic);
    }

    private static Event event(String id, String type) {
        return Event.builder(id, type, AT).build();
    }

    private static Map<String, String> headers(ConsumerRecord<String, byte[]> record) {
        Map<String, String> headers = new java.util.LinkedHashMap<>();
        for (Header header : record.headers()) {
            headers.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
        }
        return headers;
    }
}

package io.tracker.collector.kafka.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tracker.api.Event;
import io.tracker.collector.kafka.testing.KafkaBroker;
import io.tracker.collector.kafka.testing.TopicReader;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A broker outage, the way the tracker's dispatcher lives through it: collect fails within the delivery
 * timeout instead of hanging, the batch stays with the caller, and once the broker is back (same ports, same
 * data) the retried batch is delivered. Counted by event id, nothing is lost; duplicates are allowed.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class KafkaCollectorOutageTest {

    private static final int DELIVERY_TIMEOUT_MS = 3_000;
    /** The dispatcher's backoff between attempts, in miniature. */
    private static final long RETRY_BACKOFF_MS = 200;

    private static KafkaBroker broker;

    @BeforeAll
    static void startBroker() throws IOException, InterruptedException {
        broker = KafkaBroker.start("outage-test");
    }

    @AfterAll
    static void stopBroker() throws IOException {
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void collectFailsWhileTheBrokerIsDownAndTheRetriedBatchIsDeliveredAfterItsRestart() throws Exception {
        KafkaCollector collector = new KafkaCollector(Map.of("bootstrap.servers", broker.bootstrapServers(),
                "topic", "outage.{type}", "delivery.timeout.ms", String.valueOf(DELIVERY_TIMEOUT_MS)));
        try {
            List<Event> before = events("before", "click", 100);
            collector.collect(before);

            broker.stop();
            // clicks go to a topic the producer knows, conversions to one it has never seen (no metadata)
            List<Event> during = new ArrayList<>(events("during", "click", 100));
            during.addAll(events("during", "conversion", 20));
            long start = System.nanoTime();
            assertThatThrownBy(() -> collector.collect(during))
                    .isInstanceOf(KafkaDeliveryException.class)
                    .hasMessageContaining("events not acknowledged");
            assertThat(Duration.ofNanos(System.nanoTime() - start))
                    .as("a broker outage fails collect within about delivery.timeout.ms")
                    .isLessThan(Duration.ofMillis(4L * DELIVERY_TIMEOUT_MS));

            broker.restart();
            collectUntilDelivered(collector, during, Duration.ofSeconds(60));

            Set<String> clicks = ids(TopicReader.readAll(broker.bootstrapServers(), "outage.click"));
            Set<String> conversions = ids(TopicReader.readAll(broker.bootstrapServers(), "outage.conversion"));
            assertThat(clicks).containsAll(ids(before)).containsAll(ids(during.subList(0, 100)));
            assertThat(clicks).hasSize(200);
            assertThat(conversions).containsExactlyInAnyOrderElementsOf(ids(during.subList(100, 120)));
        } finally {
            collector.deactivate();
        }
    }

    /** Like the dispatcher: the same batch again, after a pause, until it is acknowledged. */
    private static void collectUntilDelivered(KafkaCollector collector, List<Event> batch, Duration patience)
            throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        int attempts = 0;
        while (true) {
            attempts++;
            try {
                collector.collect(batch);
                return;
            } catch (KafkaDeliveryException e) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("still failing after " + attempts + " attempts", e);
                }
                Thread.sleep(RETRY_BACKOFF_MS);
            }
        }
    }

    private static List<Event> events(String prefix, String type, int count) {
        List<Event> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            events.add(Event.builder(prefix + "-" + type + "-" + i, type, Instant.now()).dimension("n", "" + i).build());
        }
        return events;
    }

    private static Set<String> ids(List<?> eventsOrRecords) {
        Set<String> ids = new TreeSet<>();
        for (Object item : eventsOrRecords) {
            ids.add(item instanceof Event ? ((Event) item).id() : (String) ((ConsumerRecord<?, ?>) item).key());
        }
        return ids;
    }
}

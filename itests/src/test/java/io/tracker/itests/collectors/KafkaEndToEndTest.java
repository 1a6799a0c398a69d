package io.tracker.itests.collectors;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tracker.collector.kafka.testing.KafkaBroker;
import io.tracker.collector.kafka.testing.TopicReader;
import io.tracker.itests.distribution.EventFiles;
import io.tracker.itests.distribution.HitLoad;
import io.tracker.itests.distribution.TrackerProcess;
import io.tracker.itests.install.TrackerHome;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 5's Kafka promise on the real zip and a real KRaft broker: 100,000 hits across four event
 * types, with the broker stopped and restarted mid-stream, arrive on their topics with no loss;
 * duplicates (only after the outage) carry the same key; the log collector holds every event once.
 */
class KafkaEndToEndTest {

    private static final int HITS = 100_000;
    private static final String[] TYPES = {"impression", "click", "video", "conversion"};
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path installDir;

    @Test
    void hundredThousandHitsReachTheirTopicsAcrossABrokerOutage() throws Exception {
        try (KafkaBroker broker = KafkaBroker.start("e2e")) {
            TrackerProcess tracker = new TrackerProcess(TrackerHome.unpack(installDir));
            EventFiles events = new EventFiles(tracker.home());
            Files.writeString(tracker.home().resolve("config/io.tracker.collector.kafka-main.cfg"), String.join("\n",
                    "bootstrap.servers = " + broker.bootstrapServers(),
                    "event.types = impression,click,video,conversion",
                    "topic = tracker.{type}", // in .cfg files ${...} is FileInstall's substitution
                    "delivery.timeout.ms = 5000",
                    ""));
            assertThat(tracker.command("start").exitCode()).isZero();
            tracker.awaitReady(Duration.ofSeconds(60));
            tracker.awaitLog("Collector 'kafka'", Duration.ofSeconds(30));

            Set<String> acknowledged;
            try (HitLoad load = new HitLoad(tracker, 8, (n, cid) -> switch ((int) (n % 4)) {
                case 0 -> "/i?cid=" + cid;
                case 1 -> "/c?cid=" + cid + "&url=https%3A%2F%2Fadvertiser.example%2F";
                case 2 -> "/v?e=start&cid=" + cid;
                default -> "/cv?cid=" + cid;
            })) {
                load.awaitAcknowledged(HITS / 3, Duration.ofSeconds(120));
                broker.stop(); // hits keep coming: they wait in the journal
                load.awaitAcknowledged(HITS / 5, Duration.ofSeconds(60));
                broker.restart();
                load.awaitAcknowledged(HITS - load.acknowledged().size(), Duration.ofSeconds(180));
                load.close();
                System.out.println("kafka end to end: " + load.summary());
                assertThat(load.errors()).as("hits refused or failed").isZero();
                acknowledged = new HashSet<>(load.acknowledged());
            }

            // the log collector: every acknowledged event exactly once
            Map<String, Integer> logged = new HashMap<>();
            events.awaitAll(TYPES, acknowledged, Duration.ofSeconds(120));
            for (String type : TYPES) {
                for (JsonNode event : events.read(type)) {
                    logged.merge(event.at("/dimensions/cid").asText(), 1, Integer::sum);
                }
            }
            assertThat(logged.values()).as("events written twice into the log").allMatch(count -> count == 1);

            // Kafka: every acknowledged event on its type's topic, keyed by its id; duplicates share key
            Map<String, Set<String>> keysByCid = new HashMap<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            while (true) {
                keysByCid.clear();
                for (String type : TYPES) {
                    List<ConsumerRecord<String, byte[]>> records = TopicReader.readAll(broker.bootstrapServers(),
                            "tracker." + type);
                    for (ConsumerRecord<String, byte[]> record : records) {
                        JsonNode value = JSON.readTree(new String(record.value(), StandardCharsets.UTF_8));
                        assertThat(value.get("type").asText()).isEqualTo(type);
                        assertThat(record.key()).isEqualTo(value.get("id").asText());
                        keysByCid.computeIfAbsent(value.at("/dimensions/cid").asText(), c -> new HashSet<>())
                                .add(record.key());
                    }
                }
                if (keysByCid.keySet().containsAll(acknowledged) || System.nanoTime() > deadline) {
                    break;
                }
                Thread.sleep(1000);
            }
            Set<String> missing = new HashSet<>(acknowledged);
            missing.removeAll(keysByCid.keySet());
            assertThat(missing).as("acknowledged events missing from Kafka").isEmpty();
            assertThat(keysByCid.values()).as("a duplicate always carries the same key (the event id)")
                    .allMatch(keys -> keys.size() == 1);
            assertThat(tracker.command("stop").exitCode()).isZero();
        }
    }
}

package io.tracker.itests.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import io.tracker.itests.install.TrackerHome;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The journal's quota on the real zip, with a collector that cannot write: {@code reject} turns hits
 * away with 503 until the collector catches up, {@code drop-oldest} keeps answering and drops the
 * collector's oldest events, saying so.
 */
class JournalQuotaTest {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    @TempDir
    Path installDir;

    private TrackerProcess tracker;
    private EventFiles events;
    private Path blocker;

    @BeforeEach
    void install() throws Exception {
        tracker = new TrackerProcess(TrackerHome.unpack(installDir));
        events = new EventFiles(tracker.home());
        // a directory where the log collector's file should be: its writes fail until it is removed
        blocker = tracker.home().resolve("data/events/impression.jsonl");
        Files.createDirectories(blocker);
    }

    @AfterEach
    void stop() throws Exception {
        tracker.command("stop");
    }

    @Test
    void rejectAnswers503UntilTheCollectorCatchesUpAndLosesNothing() throws Exception {
        configureQuota("reject");
        tracker.command("start");
        tracker.awaitReady(START_TIMEOUT);

        Set<String> acknowledged = new HashSet<>();
        HttpResponse<byte[]> refused = null;
        for (int i = 0; i < 2000 && refused == null; i++) {
            HttpResponse<byte[]> response = tracker.get("/i?cid=q-" + i);
            if (response.statusCode() == 200) {
                acknowledged.add("q-" + i);
            } else {
                refused = response;
            }
        }
        assertThat(refused).as("a hit refused once the quota is reached").isNotNull();
        assertThat(refused.statusCode()).isEqualTo(503);
        assertThat(refused.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(acknowledged).isNotEmpty();
        assertThat(tracker.log()).contains("overflow policy 'reject'");

        Files.delete(blocker);
        awaitStatus("/i?cid=after", 200, Duration.ofSeconds(30));
        acknowledged.add("after");
        events.awaitAll("impression", acknowledged, Duration.ofSeconds(30));
    }

    @Test
    void dropOldestKeepsAnsweringAndCountsWhatTheCollectorLost() throws Exception {
        configureQuota("drop-oldest");
        tracker.command("start");
        tracker.awaitReady(START_TIMEOUT);

        for (int i = 0; i < 1000; i++) {
            assertThat(tracker.get("/i?cid=d-" + i).statusCode()).as("hit " + i).isEqualTo(200);
        }
        tracker.awaitLog("dropped", Duration.ofSeconds(10));

        Files.delete(blocker);
        tracker.awaitLog("Collector 'log' recovered", Duration.ofSeconds(30));
        events.await("impression", event -> "d-999".equals(event.at("/dimensions/cid").asText()),
                Duration.ofSeconds(30));
        assertThat(events.read("impression")).hasSizeLessThan(1000); // the oldest were dropped, as configured
    }

    private void configureQuota(String overflowPolicy) throws Exception {
        Files.writeString(tracker.home().resolve("config/io.tracker.processing.cfg"), String.join("\n",
                "journal.segment.bytes = 4096",
                "journal.quota.bytes = 16384",
                "collector.overflow.default = " + overflowPolicy,
                "dispatch.retry.initial.ms = 20",
                "dispatch.retry.max.ms = 100",
                ""));
    }

    private void awaitStatus(String pathAndQuery, int status, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (tracker.get(pathAndQuery).statusCode() != status) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(pathAndQuery + " never answered " + status + ":\n" + tracker.log());
            }
            Thread.sleep(100);
        }
    }
}

package io.tracker.itests.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tracker.itests.install.TrackerHome;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.ArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped product end to end: the real zip, unpacked, started with {@code bin/tracker}, real HTTP
 * hits, then what the log collector wrote under {@code data/events/}.
 */
class DistributionTest {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    @TempDir
    Path installDir;

    private TrackerProcess tracker;
    private EventFiles events;

    @BeforeEach
    void install() throws Exception {
        tracker = new TrackerProcess(TrackerHome.unpack(installDir));
        events = new EventFiles(tracker.home());
    }

    @AfterEach
    void stopLeftovers() throws Exception {
        tracker.command("stop"); // no-op when a test already stopped it
    }

    @Test
    void zipHasTheDocumentedLayout() {
        Path home = tracker.home();
        assertThat(home.resolve("bin/tracker")).isExecutable();
        for (String folder : List.of("system/boot", "deploy", "config", "data", "logs")) {
            assertThat(home.resolve(folder)).isDirectory();
        }
        assertThat(home.resolve("config/io.tracker.http.cfg")).content().contains("TRACKER_HTTP_PORT:-8080");
        // the configuration reference, generated from the bundles' Metatype at build time
        assertThat(home.resolve("docs/configuration.md")).content()
                .contains("`io.tracker.eventtype` (factory)", "`journal.quota.bytes`", "`cookie.secure`",
                        "`io.tracker.preprocessor.privacy` (factory)")
                .doesNotContain("org.apache.felix");
    }

    @Test
    void hitsBecomeEventsUnderDataEventsAndStopEndsTheTracker() throws Exception {
        TrackerProcess.Result started = tracker.command("start");
        assertThat(started.exitCode()).as(started.output()).isZero();
        tracker.awaitReady(START_TIMEOUT);
        assertThat(tracker.command("status").exitCode()).isZero();

        HttpResponse<byte[]> pixel = tracker.get("/i?cid=42&crid=7");
        assertThat(pixel.statusCode()).isEqualTo(200);
        assertThat(pixel.headers().firstValue("Content-Type")).hasValue("image/gif");
        assertThat(pixel.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(pixel.body()).hasSize(43).startsWith('G', 'I', 'F', '8', '9', 'a');

        HttpResponse<byte[]> click = tracker.get("/c?cid=42&url=https%3A%2F%2Fadvertiser.example%2Flanding%3Fa%3D1");
        assertThat(click.statusCode()).isEqualTo(302);
        assertThat(click.headers().firstValue("Location")).hasValue("https://advertiser.example/landing?a=1");

        assertThat(tracker.get("/cv?cid=42&order=o-1").statusCode()).isEqualTo(204);
        assertThat(tracker.post("/cv?cid=42&order=o-2").statusCode()).isEqualTo(204);

        JsonNode impression = events.await("impression", e -> "42".equals(e.at("/dimensions/cid").asText()),
                Duration.ofSeconds(1));
        assertThat(impression.get("type").asText()).isEqualTo("impression");
        assertThat(impression.at("/dimensions/crid").asText()).isEqualTo("7");
        assertThat(impression.get("id").asText()).hasSize(36);
        assertThat(impression.get("timestamp").asText()).endsWith("Z");
        assertThat(impression.get("metrics").isObject()).isTrue();
        events.await("click", e -> "42".equals(e.at("/dimensions/cid").asText()), Duration.ofSeconds(1));
        events.await("conversion", e -> "o-2".equals(e.at("/dimensions/order").asText()), Duration.ofSeconds(1));

        TrackerProcess.Result stopped = tracker.command("stop");
        assertThat(stopped.exitCode()).as(stopped.output()).isZero();
        assertThat(stopped.took()).isLessThan(Duration.ofSeconds(15));
        assertThat(tracker.command("status").exitCode()).isEqualTo(3);
        assertThat(tracker.home().resolve("data/tracker.pid")).doesNotExist();
        assertThat(tracker.log()).contains("Tracker listening for hits").doesNotContain(" ERROR ");
    }

    @Test
    void answersWhatIsNotAnEventTypeWithoutCreatingEvents() throws Exception {
        tracker.command("start");
        tracker.awaitReady(START_TIMEOUT);

        assertThat(tracker.get("/nothing-here").statusCode()).isEqualTo(404);
        assertThat(tracker.post("/i?cid=1").statusCode()).isEqualTo(405);
        assertThat(tracker.get("/c?cid=1").statusCode()).isEqualTo(400);
        assertThat(tracker.get("/c?cid=1&url=javascript:alert(1)").statusCode()).isEqualTo(400);

        tracker.command("stop");
        assertThat(events.read("impression")).isEmpty();
        assertThat(events.read("click")).isEmpty();
    }

    @Test
    void stopWritesEveryAcknowledgedEvent() throws Exception {
        tracker.command("start");
        tracker.awaitReady(START_TIMEOUT);

        ExecutorService senders = Executors.newFixedThreadPool(8);
        List<Future<Integer>> acknowledged = new ArrayList<>();
        for (int sender = 0; sender < 8; sender++) {
            int id = sender;
            acknowledged.add(senders.submit(() -> {
                int ok = 0;
                for (int i = 0; i < 300; i++) {
                    if (tracker.get("/i?cid=" + id + "&crid=" + i).statusCode() == 200) {
                        ok++;
                    }
                }
                return ok;
            }));
        }
        int total = 0;
        for (Future<Integer> count : acknowledged) {
            total += count.get(60, TimeUnit.SECONDS);
        }
        senders.shutdown();
        TrackerProcess.Result stopped = tracker.command("stop");
        assertThat(stopped.exitCode()).as(stopped.output()).isZero();

        List<JsonNode> written = events.read("impression");
        Set<String> ids = new HashSet<>();
        written.forEach(event -> ids.add(event.get("id").asText()));
        assertThat(total).isEqualTo(8 * 300);
        assertThat(written).hasSize(total);
        assertThat(ids).hasSize(total);
    }

    @Test
    void runWithoutATerminalIgnoresEndOfInputAndStopsOnSigterm() throws Exception {
        Process run = tracker.run();
        run.getOutputStream().close(); // end of input, as with stdin closed under Docker or systemd
        tracker.awaitReady(START_TIMEOUT);
        assertThat(run.isAlive()).isTrue();
        assertThat(tracker.command("status").exitCode()).isZero();
        assertThat(tracker.get("/i?cid=run").statusCode()).isEqualTo(200);

        run.destroy(); // SIGTERM: bin/tracker run execs java, so this reaches the JVM itself
        assertThat(run.waitFor(15, TimeUnit.SECONDS)).as("stopped within 15 s").isTrue();
        assertThat(events.read("impression")).anyMatch(e -> "run".equals(e.at("/dimensions/cid").asText()));
        assertThat(Files.readString(tracker.home().resolve("logs/run-output.log"))).contains("Tracker stopped");
    }

    @Test
    void refusesASecondTrackerOnTheSameHome() throws Exception {
        tracker.command("start");
        tracker.awaitReady(START_TIMEOUT);

        TrackerProcess.Result second = tracker.command("start");
        assertThat(second.exitCode()).isEqualTo(1);
        assertThat(second.output()).contains("already running");
    }
}

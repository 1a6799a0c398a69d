package io.tracker.itests.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import io.tracker.itests.install.TrackerHome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 3's promise on the real zip: while hits keep coming, the log collector is installed, upgraded
 * to a new version, removed, re-installed, and the tracker is killed with SIGKILL and restarted; every
 * acknowledged event still reaches data/events, and ingestion never fails while the tracker runs.
 */
class DeliveryWhileCollectorsChangeTest {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration DELIVERY_TIMEOUT = Duration.ofSeconds(60);

    @TempDir
    Path installDir;

    private TrackerProcess tracker;
    private EventFiles events;
    private Path shippedJar;
    private Path deployedJar;

    @BeforeEach
    void install() throws Exception {
        tracker = new TrackerProcess(TrackerHome.unpack(installDir));
        events = new EventFiles(tracker.home());
        try (Stream<Path> jars = Files.list(tracker.home().resolve("deploy"))) {
            deployedJar = jars.filter(jar -> jar.getFileName().toString().startsWith("tracker-collector-log"))
                    .findFirst().orElseThrow();
        }
        shippedJar = installDir.resolve(deployedJar.getFileName());
        Files.copy(deployedJar, shippedJar);
    }

    @AfterEach
    void stop() throws Exception {
        tracker.command("stop");
    }

    @Test
    void installUpgradeRemoveAndReinstallUnderLoadLoseNoAcknowledgedEvent() throws Exception {
        // the collector arrives after the first hits: it must start from everything the journal holds
        Files.writeString(tracker.home().resolve("config/io.tracker.collector.log-default.cfg"),
                "event.types = *\ndirectory = data/events\nstart.position = earliest\n");
        Files.delete(deployedJar);
        tracker.command("start");
        tracker.awaitReady(START_TIMEOUT);

        try (HitLoad load = new HitLoad(tracker, 8)) {
            load.awaitAcknowledged(2000, Duration.ofSeconds(30));

            Files.copy(shippedJar, deployedJar); // install
            tracker.awaitLog("Collector 'log' (io.tracker.collector.log 0.1.0", Duration.ofSeconds(20));
            load.awaitAcknowledged(3000, Duration.ofSeconds(30));

            BundleJars.withBundleVersion(shippedJar, "0.1.1", deployedJar); // upgrade in place
            tracker.awaitLog("Collector 'log' (io.tracker.collector.log 0.1.1", Duration.ofSeconds(20));
            load.awaitAcknowledged(3000, Duration.ofSeconds(30));

            Files.delete(deployedJar); // remove: the cursor is kept
            tracker.awaitLog("Collector 'log' (io.tracker.collector.log 0.1.1) detached", Duration.ofSeconds(20));
            load.awaitAcknowledged(3000, Duration.ofSeconds(30));

            Files.copy(shippedJar, deployedJar); // re-install the first version: a rollback
            awaitLogCount("Collector 'log' (io.tracker.collector.log 0.1.0", 2);
            load.awaitAcknowledged(3000, Duration.ofSeconds(30));

            load.close();
            System.out.println("install/upgrade/remove/re-install under load: " + load.summary());
            assertThat(load.errors()).as("hits refused or failed while collectors changed").isZero();
            events.awaitAll("impression", load.acknowledged(), DELIVERY_TIMEOUT);
        }
        assertThat(tracker.log()).doesNotContain("undelivered").doesNotContain("lost journal records");
    }

    @Test
    void everyAcknowledgedEventIsDeliveredAfterKillMinusNine() throws Exception {
        tracker.command("start");
        tracker.awaitReady(START_TIMEOUT);
        Set<String> acknowledged;
        try (HitLoad load = new HitLoad(tracker, 8)) {
            load.awaitAcknowledged(5000, Duration.ofSeconds(30));
            ProcessHandle process = ProcessHandle.of(tracker.pid()).orElseThrow();
            process.destroyForcibly(); // SIGKILL, mid-stream
            process.onExit().get(30, TimeUnit.SECONDS);
            load.close();
            System.out.println("kill -9 under load: " + load.summary());
            acknowledged = new HashSet<>(load.acknowledged());
        }

        TrackerProcess.Result restarted = tracker.command("start");
        assertThat(restarted.exitCode()).as(restarted.output()).isZero();
        tracker.awaitReady(START_TIMEOUT);
        events.awaitAll("impression", acknowledged, DELIVERY_TIMEOUT);
    }

    @Test
    void aFailingCollectorCatchesUpWithoutSlowingIngestion() throws Exception {
        // a directory where the collector's file should be: every write fails until it is removed
        Path blocker = tracker.home().resolve("data/events/impression.jsonl");
        Files.createDirectories(blocker);
        tracker.command("start");
        tracker.awaitReady(START_TIMEOUT);

        try (HitLoad load = new HitLoad(tracker, 8)) {
            load.awaitAcknowledged(3000, Duration.ofSeconds(30));
            tracker.awaitLog("Collector 'log' failed to take", Duration.ofSeconds(20));
            load.awaitAcknowledged(3000, Duration.ofSeconds(30));
            Files.delete(blocker); // the collector recovers on its next retry
            load.awaitAcknowledged(2000, Duration.ofSeconds(30));
            load.close();
            System.out.println("failing collector under load: " + load.summary());
            assertThat(load.errors()).as("hits refused while the collector failed").isZero();
            events.awaitAll("impression", load.acknowledged(), DELIVERY_TIMEOUT);
        }
        assertThat(tracker.log()).contains("Collector 'log' recovered after");
    }

    private void awaitLogCount(String text, int count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (tracker.log().split(java.util.regex.Pattern.quote(text), -1).length - 1 < count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("'" + text + "' not logged " + count + " times:\n" + tracker.log());
            }
            Thread.sleep(50);
        }
    }
}

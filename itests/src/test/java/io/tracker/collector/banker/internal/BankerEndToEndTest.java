package io.tracker.collector.banker.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.tracker.itests.distribution.TrackerProcess;
import io.tracker.itests.install.TrackerHome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 5's banker promise on the real zip: spend from impressions, clicks and conversions reaches a
 * real banker server (the contract-enforcing test banker of the collector's own tests) exactly once,
 * across a banker outage and a tracker restart while it is down.
 *
 * <p>In the collector's package only to reach its package-private test banker.
 */
class BankerEndToEndTest {

    @TempDir
    Path dir;

    @Test
    void everyCentOnceAcrossABankerOutageAndATrackerRestart() throws Exception {
        try (TestBanker banker = TestBanker.start(dir.resolve("banker"))) {
            TrackerProcess tracker = new TrackerProcess(TrackerHome.unpack(dir.resolve("install")));
            Files.writeString(tracker.home().resolve("config/io.tracker.collector.banker-main.cfg"),
                    "banker.url = " + banker.url() + "\naccount = acme\n");
            start(tracker);
            tracker.awaitLog("Collector 'banker'", Duration.ofSeconds(30));

            send(tracker, 200, "/i?cid=c1&lid=l1&cur=USD&price=2.5");      // CPM: 2,500 micros each
            send(tracker, 100, "/c?cid=c2&lid=l2&cur=EUR&cpc=0.3&url=https%3A%2F%2Fa.example%2F");
            banker.goDown();
            send(tracker, 100, "/cv?cid=c3&lid=l3&cur=USD&value=12.34");    // waits in the journal
            assertThat(tracker.command("stop").exitCode()).isZero();          // banker still down
            start(tracker);
            banker.comeUp();
            send(tracker, 50, "/i?cid=c1&lid=l1&cur=USD&price=2.5");

            long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            while (banker.ledger().countedEvents() < 450 && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            BankerLedger ledger = banker.ledger();
            assertThat(ledger.countedEvents()).isEqualTo(450);
            assertThat(ledger.total("acme", "c1", "l1", "USD")).isEqualTo(250 * 2_500L);
            assertThat(ledger.total("acme", "c2", "l2", "EUR")).isEqualTo(100 * 300_000L);
            assertThat(ledger.total("acme", "c3", "l3", "USD")).isEqualTo(100 * 12_340_000L);
            tracker.command("stop");
        }
    }

    private static void start(TrackerProcess tracker) throws Exception {
        assertThat(tracker.command("start").exitCode()).isZero();
        tracker.awaitReady(Duration.ofSeconds(60));
    }

    private static void send(TrackerProcess tracker, int hits, String pathAndQuery) throws Exception {
        for (int i = 0; i < hits; i++) {
            int status = tracker.get(pathAndQuery + "&n=" + i).statusCode();
            assertThat(status).as(pathAndQuery).isBetween(200, 302);
        }
    }
}

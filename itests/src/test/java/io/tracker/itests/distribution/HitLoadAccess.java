package io.tracker.itests.distribution;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * The distribution test tools (an installed tracker, hit load, event files) for tests in other
 * packages: the tools themselves stay package-private.
 */
public final class HitLoadAccess {

    /** A running load; see {@link HitLoad}. */
    public interface Load extends AutoCloseable {
        void awaitAcknowledged(int count, Duration timeout) throws InterruptedException;

        int acknowledgedCount();

        Set<String> acknowledged();

        long errors();

        String summary();

        @Override
        void close() throws InterruptedException;
    }

    /** What each hit requests: see {@link HitLoad.Hits}. */
    @FunctionalInterface
    public interface Hits {
        String pathFor(long n, String cid);
    }

    private final TrackerProcess tracker;
    private final EventFiles events;

    private HitLoadAccess(TrackerProcess tracker) {
        this.tracker = tracker;
        this.events = new EventFiles(tracker.home());
    }

    public static HitLoadAccess install(Path home) throws IOException {
        return new HitLoadAccess(new TrackerProcess(home));
    }

    public Path home() {
        return tracker.home();
    }

    public int port() {
        return tracker.port();
    }

    public void start() throws Exception {
        TrackerProcess.Result started = tracker.command("start");
        if (started.exitCode() != 0) {
            throw new AssertionError(started.output());
        }
        tracker.awaitReady(Duration.ofSeconds(60));
    }

    public void stop() throws Exception {
        TrackerProcess.Result stopped = tracker.command("stop");
        if (stopped.exitCode() != 0) {
            throw new AssertionError(stopped.output());
        }
    }

    public void awaitLog(String text, Duration timeout) throws InterruptedException {
        tracker.awaitLog(text, timeout);
    }

    public int get(String pathAndQuery) throws Exception {
        return tracker.get(pathAndQuery).statusCode();
    }

    public List<JsonNode> events(String type) {
        return events.read(type);
    }

    /** Waits until every cid is in some event file of the default log collector. */
    public void awaitLogged(Set<String> cids, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Set<String> seen = new java.util.HashSet<>();
            for (String type : new String[] {"impression", "click", "video", "conversion"}) {
                seen.addAll(events.campaignIds(type));
            }
            if (seen.containsAll(cids)) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError((cids.size() - cids.stream().filter(seen::contains).count())
                        + " acknowledged events never reached data/events");
            }
            Thread.sleep(200);
        }
    }

    public Load load(int threads, Hits hits) {
        HitLoad load = new HitLoad(tracker, threads, hits::pathFor);
        return new Load() {
            @Override
            public void awaitAcknowledged(int count, Duration timeout) throws InterruptedException {
                load.awaitAcknowledged(count, timeout);
            }

            @Override
            public int acknowledgedCount() {
                return load.acknowledged().size();
            }

            @Override
            public Set<String> acknowledged() {
                return load.acknowledged();
            }

            @Override
            public long errors() {
                return load.errors();
            }

            @Override
            public String summary() {
                return load.summary();
            }

            @Override
            public void close() throws InterruptedException {
                load.close();
            }
        };
    }
}

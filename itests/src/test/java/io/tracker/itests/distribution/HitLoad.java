package io.tracker.itests.distribution;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A steady stream of impression hits from a few threads, each with a unique {@code cid}, remembering
 * which ones the tracker acknowledged (200) and counting every other answer or failure.
 */
final class HitLoad implements AutoCloseable {

    private final TrackerProcess tracker;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    private final AtomicLong sequence = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final List<Thread> senders = new ArrayList<>();

    HitLoad(TrackerProcess tracker, int threads) {
        this.tracker = tracker;
        for (int i = 0; i < threads; i++) {
            Thread sender = new Thread(this::send, "hit-load-" + i);
            sender.setDaemon(true);
            senders.add(sender);
            sender.start();
        }
    }

    Set<String> acknowledged() {
        return acknowledged;
    }

    long sent() {
        return sequence.get();
    }

    /** Answers other than 200, and requests that failed (connection refused after a kill counts here). */
    long errors() {
        return errors.get();
    }

    /** Waits until at least {@code count} more hits were acknowledged. */
    void awaitAcknowledged(int count, Duration timeout) throws InterruptedException {
        int target = acknowledged.size() + count;
        long deadline = System.nanoTime() + timeout.toNanos();
        while (acknowledged.size() < target) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("only " + acknowledged.size() + " of " + target + " hits acknowledged in "
                        + timeout + " (" + errors.get() + " errors)");
            }
            Thread.sleep(20);
        }
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        for (Thread sender : senders) {
            sender.join(10_000);
        }
    }

    private void send() {
        while (running.get()) {
            String cid = "load-" + sequence.incrementAndGet();
            try {
                HttpResponse<Void> response = http.send(HttpRequest.newBuilder(tracker.uri("/i?cid=" + cid))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    acknowledged.add(cid);
                } else {
                    errors.incrementAndGet();
                }
            } catch (IOException e) {
                errors.incrementAndGet();
                pause(); // the tracker is down (a kill -9 test): do not spin
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

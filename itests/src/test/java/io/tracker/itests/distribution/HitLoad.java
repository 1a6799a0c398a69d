package io.tracker.itests.distribution;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A steady stream of hits from a few threads, each with a unique {@code cid}, remembering which ones
 * the tracker acknowledged (2xx, or a click's 302) and counting every other answer or failure.
 */
public final class HitLoad implements AutoCloseable {

    private final TrackerProcess tracker;
    private final Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    private final AtomicLong sequence = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final List<Thread> senders = new ArrayList<>();
    private final long startNanos = System.nanoTime();
    private volatile long stopNanos;

    /** Builds the request line's path and query for the n-th hit, given its unique cid. */
    @FunctionalInterface
    public interface Hits {
        String pathFor(long n, String cid);
    }

    private final Hits hits;

    public HitLoad(TrackerProcess tracker, int threads) {
        this(tracker, threads, (n, cid) -> "/i?cid=" + cid);
    }

    public HitLoad(TrackerProcess tracker, int threads, Hits hits) {
        this.tracker = tracker;
        this.hits = hits;
        for (int i = 0; i < threads; i++) {
            Thread sender = new Thread(this::send, "hit-load-" + i);
            sender.setDaemon(true);
            senders.add(sender);
            sender.start();
        }
    }

    public Set<String> acknowledged() {
        return acknowledged;
    }

    public long sent() {
        return sequence.get();
    }

    /** Answers other than 200, and requests that failed (connection refused after a kill counts here). */
    public long errors() {
        return errors.get();
    }

    /** Waits until at least {@code count} more hits were acknowledged. */
    public void awaitAcknowledged(int count, Duration timeout) throws InterruptedException {
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
        if (running.getAndSet(false)) {
            stopNanos = System.nanoTime();
        }
        for (Thread sender : senders) {
            sender.join(10_000);
        }
    }

    /** Acknowledged hits per second over the load's life, for the test's report. */
    public String summary() {
        long end = stopNanos == 0 ? System.nanoTime() : stopNanos;
        double seconds = (end - startNanos) / 1e9;
        return String.format("%d hits acknowledged in %.1f s (%.0f/s), %d errors", acknowledged.size(), seconds,
                acknowledged.size() / seconds, errors.get());
    }

    /**
     * One keep-alive connection per sender, plain HTTP/1.1 over a socket: the JDK client costs more CPU
     * per request than the tracker itself, which would keep the load far below a few thousand hits/s.
     */
    private void send() {
        java.net.Socket socket = null;
        while (running.get()) {
            long n = sequence.incrementAndGet();
            String cid = "load-" + n;
            try {
                if (socket == null) {
                    socket = new java.net.Socket("127.0.0.1", tracker.port());
                    socket.setSoTimeout(5_000);
                    socket.setTcpNoDelay(true);
                }
                socket.getOutputStream().write(("GET " + hits.pathFor(n, cid) + " HTTP/1.1\r\nHost: tracker\r\n\r\n")
                        .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                int status = readStatus(socket.getInputStream());
                if (status >= 200 && status < 400) { // a pixel, a 204, a click's 302: the hit was taken
                    acknowledged.add(cid);
                } else {
                    errors.incrementAndGet();
                }
            } catch (IOException e) {
                errors.incrementAndGet();
                closeQuietly(socket);
                socket = null;
                pause(); // the tracker is down (a kill -9 test): do not spin
            }
        }
        closeQuietly(socket);
    }

    /** Reads one response (status line, headers, Content-Length body) and returns its status. */
    private static int readStatus(java.io.InputStream in) throws IOException {
        String status = readLine(in);
        int contentLength = 0;
        for (String header = readLine(in); !header.isEmpty(); header = readLine(in)) {
            if (header.regionMatches(true, 0, "Content-Length:", 0, 15)) {
                contentLength = Integer.parseInt(header.substring(15).trim());
            }
        }
        if (in.readNBytes(contentLength).length != contentLength) {
            throw new IOException("connection closed in a response body");
        }
        return Integer.parseInt(status.substring(9, 12));
    }

    private static String readLine(java.io.InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new IOException("connection closed");
            }
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }

    private static void closeQuietly(java.net.Socket socket) {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException e) {
                // the connection is being thrown away either way
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

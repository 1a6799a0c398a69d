package io.tracker.bench.load;

import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.eclipse.jetty.client.HttpClient;

/**
 * Hands due requests to the client, never more in flight than the client has connections: the others wait
 * here, oldest first, and leave as answers free connections.
 *
 * <p>Why not let them queue in the client: Jetty removes a timed-out request from its queue by a linear
 * scan, so after a long stall thousands of expiring requests would cost the generator seconds of CPU exactly
 * while the server struggles, and delay the schedule. Here a request that waited past its timeout fails in
 * O(1), and the backlog is bounded by what the timeout lets accumulate: rate × timeout entries of a few
 * dozen bytes.
 *
 * <p>Threads: the sending thread alone submits, drains and abandons; the client's threads only release a
 * connection and, when something waits, wake the sending thread.
 */
final class Dispatcher {

    private final HttpClient client;
    private final Tally tally;
    private final int maxInFlight;
    private final long requestTimeoutNanos;
    private final Thread sender = Thread.currentThread();
    /** Incremented by the sending thread only, decremented by the client's threads. */
    private final AtomicInteger inFlight = new AtomicInteger();
    private final ArrayDeque<Waiting> backlog = new ArrayDeque<>();
    private volatile boolean backlogged;

    private record Waiting(PreparedRequest request, long dueNanos, boolean recorded) {
    }

    /** Must be created on the thread that will send. */
    Dispatcher(HttpClient client, Tally tally, int maxInFlight, long requestTimeoutNanos) {
        this.client = client;
        this.tally = tally;
        this.maxInFlight = maxInFlight;
        this.requestTimeoutNanos = requestTimeoutNanos;
    }

    /** Sends a request that is due now, or queues it behind those already waiting. */
    void submit(PreparedRequest request, long dueNanos, boolean recorded) {
        drain();
        if (backlog.isEmpty() && inFlight.get() < maxInFlight) {
            send(request, dueNanos, recorded);
        } else {
            backlog.add(new Waiting(request, dueNanos, recorded));
            backlogged = true;
            // An answer may have freed a connection before it could see the flag: look once more.
            drain();
        }
    }

    /** Sends what waits, oldest first, while connections are free; fails what waited past its timeout. */
    void drain() {
        if (backlog.isEmpty()) {
            return;
        }
        long now = System.nanoTime();
        for (Waiting head = backlog.peek(); head != null; head = backlog.peek()) {
            if (now - head.dueNanos() >= requestTimeoutNanos) {
                backlog.poll();
                tally.neverSent(head.dueNanos(), head.recorded());
            } else if (inFlight.get() < maxInFlight) {
                backlog.poll();
                send(head.request(), head.dueNanos(), head.recorded());
            } else {
                break;
            }
        }
        backlogged = !backlog.isEmpty();
    }

    /** At the end of the run: whatever still waits for a connection fails. */
    void abandon() {
        for (Waiting waiting = backlog.poll(); waiting != null; waiting = backlog.poll()) {
            tally.neverSent(waiting.dueNanos(), waiting.recorded());
        }
        backlogged = false;
    }

    private void send(PreparedRequest request, long dueNanos, boolean recorded) {
        inFlight.incrementAndGet();
        // The timeout runs from the due time: a request that waited here has that much less left.
        long timeoutNanos = Math.max(TimeUnit.MILLISECONDS.toNanos(1),
                requestTimeoutNanos - (System.nanoTime() - dueNanos));
        int events = request.events();
        request.newExchange(client, TimeUnit.NANOSECONDS.toMillis(timeoutNanos)).send(result -> {
            tally.completed(result, dueNanos, recorded, events);
            inFlight.decrementAndGet();
            if (backlogged) {
                LockSupport.unpark(sender);
            }
        });
    }
}

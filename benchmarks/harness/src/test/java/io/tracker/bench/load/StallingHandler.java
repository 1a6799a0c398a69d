package io.tracker.bench.load;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Answers 204 at once, except once: from its {@code stallAt}-th request on, it holds every answer until
 * {@code stallMs} have passed, as a server does during a long GC pause.
 */
final class StallingHandler extends Handler.Abstract.NonBlocking {

    private final long stallAt;
    private final long stallNanos;
    private final AtomicLong requests = new AtomicLong();
    private final ScheduledExecutorService releaser = Executors.newSingleThreadScheduledExecutor();
    private volatile long stallEndsAt;
    private volatile boolean stalled;

    StallingHandler(long stallAt, long stallMs) {
        this.stallAt = stallAt;
        this.stallNanos = TimeUnit.MILLISECONDS.toNanos(stallMs);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        long now = System.nanoTime();
        if (requests.incrementAndGet() == stallAt) {
            stallEndsAt = now + stallNanos;
            stalled = true;
        }
        long hold = stalled ? stallEndsAt - now : 0;
        response.setStatus(204);
        if (hold > 0) {
            releaser.schedule(callback::succeeded, hold, TimeUnit.NANOSECONDS);
        } else {
            callback.succeeded();
        }
        return true;
    }

    @Override
    protected void doStop() throws Exception {
        releaser.shutdownNow();
        super.doStop();
    }
}

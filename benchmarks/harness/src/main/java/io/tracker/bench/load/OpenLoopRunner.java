package io.tracker.bench.load;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;
import org.eclipse.jetty.client.HttpClient;

/**
 * Runs one {@link OpenLoopSpec}: a single thread sends request {@code i} when it is due, the client's threads
 * count the answers, then the run waits a bounded time for what is still in flight.
 *
 * <p>Warm-up and window are counted in requests, not measured in time: the first {@code rate × warmup}
 * requests are the warm-up, the next {@code rate × duration} the window, so the numbers do not depend on how
 * punctual the sending thread was.
 */
final class OpenLoopRunner {

    private static final long DRAIN_POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

    private final OpenLoopSpec spec;
    private final Duration requestTimeout;
    private final Duration drainTimeout;

    /**
     * @param requestTimeout how long one request may take, counted from when it was due, before it fails
     * @param drainTimeout   how long to wait after the last send for answers still in flight; those not
     *                       answered by then fail
     */
    OpenLoopRunner(OpenLoopSpec spec, Duration requestTimeout, Duration drainTimeout) {
        if (spec.duration() == null || spec.duration().isNegative() || spec.duration().isZero()) {
            throw new IllegalArgumentException("the recorded window must be positive, was " + spec.duration());
        }
        if (spec.warmup() != null && spec.warmup().isNegative()) {
            throw new IllegalArgumentException("the warm-up must not be negative, was " + spec.warmup());
        }
        this.spec = spec;
        this.requestTimeout = requestTimeout;
        this.drainTimeout = drainTimeout;
    }

    PacedRun run() throws Exception {
        RequestMix mix = RequestMix.of(spec.base(), spec.requests());
        long warmupRequests = requestsIn(spec.warmup());
        long windowRequests = requestsIn(spec.duration());
        long total = warmupRequests + windowRequests;
        if (windowRequests == 0) {
            throw new IllegalArgumentException(spec.ratePerSecond() + " requests/s over " + spec.duration()
                    + " is not a single request");
        }
        HttpClient client = OpenLoopClient.start(spec.maxConnections());
        try {
            Tally tally = new Tally();
            Dispatcher dispatcher = new Dispatcher(client, tally, spec.maxConnections(), requestTimeout.toNanos());
            Pacer pacer = new Pacer(System.nanoTime(), spec.ratePerSecond());
            long eventsSent = 0;
            for (long i = 0; i < total; i++) {
                long due = pacer.dueNanos(i);
                pacer.awaitDue(due, dispatcher::drain);
                PreparedRequest request = mix.forIndex(i);
                eventsSent += request.events();
                dispatcher.submit(request, due, i >= warmupRequests);
            }
            awaitAnswers(dispatcher, tally, total);
            dispatcher.abandon();
            // Stopping aborts what is still in flight; those requests fail through their own listeners.
            client.stop();
            long givenUpAt = System.nanoTime();

            long succeeded = tally.succeeded();
            Histogram latency = tally.latencyNanos();
            // Any the client did not even report by now count as failed, at the least they have waited.
            long unreported = windowRequests - succeeded - tally.failed();
            if (unreported > 0) {
                latency.recordValueWithCount(LoadHistograms.clamp(givenUpAt - pacer.dueNanos(total - 1)), unreported);
            }
            LatencyRun run = new LatencyRun(windowRequests, succeeded, windowRequests - succeeded,
                    tally.eventsAcknowledged(), eventsSent, spec.duration().toNanos() / 1e9, latency);
            return new PacedRun(run, pacer.lateness());
        } finally {
            if (!client.isStopped()) {
                client.stop();
            }
        }
    }

    /** Keeps sending what waits for a connection until every request completed or the drain timeout passed. */
    private void awaitAnswers(Dispatcher dispatcher, Tally tally, long total) throws InterruptedException {
        long deadline = System.nanoTime() + drainTimeout.toNanos();
        while (tally.completed() < total && System.nanoTime() - deadline < 0) {
            dispatcher.drain();
            // Answers unpark this thread while requests wait, so the poll period adds no latency to them.
            LockSupport.parkNanos(DRAIN_POLL_NANOS);
            if (Thread.interrupted()) {
                throw new InterruptedException("open-loop run interrupted while waiting for its last answers");
            }
        }
    }

    private long requestsIn(Duration duration) {
        if (duration == null) {
            return 0;
        }
        return (Math.multiplyExact(duration.toNanos(), (long) spec.ratePerSecond()) + 500_000_000L) / 1_000_000_000L;
    }
}

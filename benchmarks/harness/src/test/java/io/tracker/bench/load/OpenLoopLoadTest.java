package io.tracker.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.junit.jupiter.api.Test;

class OpenLoopLoadTest {

    private static final io.tracker.bench.load.Request PIXEL =
            new io.tracker.bench.load.Request("GET", "/i?cid=1", Map.of(), new byte[0], 1, 1);

    private static OpenLoopSpec spec(LocalServer server, List<io.tracker.bench.load.Request> requests, int rate,
                                     long warmupMs, long durationMs, int connections) {
        return new OpenLoopSpec(server.base(), requests, rate, Duration.ofMillis(warmupMs),
                Duration.ofMillis(durationMs), connections);
    }

    @Test
    void sendsRateTimesDurationOnSchedule() throws Exception {
        CountingHandler handler = new CountingHandler(204, "");
        try (LocalServer server = LocalServer.start(handler)) {
            long started = System.nanoTime();
            LatencyRun run = OpenLoopLoad.run(spec(server, List.of(PIXEL), 2_000, 500, 1_000, 16));
            double elapsedSeconds = (System.nanoTime() - started) / 1e9;

            assertThat(run.sent()).isEqualTo(2_000);
            assertThat(run.succeeded()).isEqualTo(2_000);
            assertThat(run.failed()).isZero();
            assertThat(run.seconds()).isEqualTo(1.0);
            assertThat(run.latencyNanos().getTotalCount()).isEqualTo(2_000);
            assertThat(handler.total()).isEqualTo(3_000);
            assertThat(run.eventsSent()).isEqualTo(3_000);
            assertThat(run.eventsAcknowledged()).isEqualTo(3_000);
            // Paced, not sent at once: the last request is due 1.5 s after the start. (Whether it keeps up at
            // a high rate is KeepingUpTest's business; here a busy machine may add some teardown time.)
            assertThat(elapsedSeconds).isBetween(1.45, 5.0);
        }
    }

    @Test
    void chargesAStallToEveryRequestDueDuringIt() throws Exception {
        // 4 connections: during the stall later requests wait in the generator, unsent. Measured from their
        // send they would look fast; measured from when they were due they carry the stall.
        StallingHandler handler = new StallingHandler(1_200, 300);
        try (LocalServer server = LocalServer.start(handler)) {
            LatencyRun run = OpenLoopLoad.run(spec(server, List.of(PIXEL), 1_000, 700, 1_300, 4));

            Histogram latency = run.latencyNanos();
            long atLeast100Ms = latency.getTotalCount() - latency.getCountBetweenValues(0, ms(100));
            assertThat(run.failed()).isZero();
            // Requests due in the first 200 ms of the stall waited at least 100 ms: about 200 of them (more on
            // a busy machine). Counted from their actual send, only the 4 held by the server would have.
            assertThat(atLeast100Ms).isGreaterThanOrEqualTo(150L);
            assertThat(latency.getValueAtPercentile(99)).isGreaterThanOrEqualTo(ms(250));
            assertThat(latency.getMaxValue()).isGreaterThanOrEqualTo(ms(290));
        }
    }

    @Test
    void serverErrorsCountAsFailedAndAcknowledgeNothing() throws Exception {
        try (LocalServer server = LocalServer.start(new CountingHandler(500, ""))) {
            io.tracker.bench.load.Request batch =
                    new io.tracker.bench.load.Request("GET", "/b", Map.of(), new byte[0], 1, 10);
            LatencyRun run = OpenLoopLoad.run(spec(server, List.of(batch), 200, 100, 500, 4));

            assertThat(run.sent()).isEqualTo(100);
            assertThat(run.failed()).isEqualTo(100);
            assertThat(run.succeeded()).isZero();
            assertThat(run.eventsAcknowledged()).isZero();
            assertThat(run.eventsSent()).isEqualTo(120 * 10);
        }
    }

    @Test
    void aRedirectIsASuccessAndIsNotFollowed() throws Exception {
        CountingHandler handler = new CountingHandler(302, "");
        try (LocalServer server = LocalServer.start(handler)) {
            LatencyRun run = OpenLoopLoad.run(spec(server, List.of(PIXEL), 200, 0, 500, 4));

            assertThat(run.succeeded()).isEqualTo(100);
            assertThat(run.failed()).isZero();
            assertThat(handler.count("/i")).isEqualTo(100);
            assertThat(handler.count("/elsewhere")).isZero();
        }
    }

    @Test
    void sendsTheMixByWeightWithMethodHeadersAndBody() throws Exception {
        CountingHandler handler = new CountingHandler(204, "/batch");
        io.tracker.bench.load.Request pixel =
                new io.tracker.bench.load.Request("GET", "/pixel?cid=7", Map.of("User-Agent", "test"), null, 3, 1);
        io.tracker.bench.load.Request batch = new io.tracker.bench.load.Request("POST", "/batch",
                Map.of("X-Test", "yes", "Content-Type", "application/json"),
                "[1,2]".getBytes(StandardCharsets.UTF_8), 1, 50);
        try (LocalServer server = LocalServer.start(handler)) {
            LatencyRun run = OpenLoopLoad.run(spec(server, List.of(pixel, batch), 400, 0, 1_000, 8));

            assertThat(run.sent()).isEqualTo(400);
            assertThat(handler.count("/pixel")).isEqualTo(300);
            assertThat(handler.count("/batch")).isEqualTo(100);
            assertThat(handler.inspected()).hasSize(100).containsOnly("POST yes [1,2]");
            assertThat(run.eventsSent()).isEqualTo(300 + 100 * 50);
            assertThat(run.eventsAcknowledged()).isEqualTo(300 + 100 * 50);
        }
    }

    /** Never answers; the server fails the callbacks when it stops. */
    private static Handler silent() {
        return new Handler.Abstract.NonBlocking() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                return true;
            }
        };
    }

    @Test
    void requestsStillUnansweredAfterTheDrainFail() throws Exception {
        try (LocalServer server = LocalServer.start(silent())) {
            OpenLoopSpec spec = spec(server, List.of(PIXEL), 100, 0, 500, 100);
            long started = System.nanoTime();
            LatencyRun run = new OpenLoopRunner(spec, Duration.ofSeconds(10), Duration.ofMillis(300)).run().run();

            assertThat(System.nanoTime() - started).isLessThan(TimeUnit.SECONDS.toNanos(3));
            assertThat(run.sent()).isEqualTo(50);
            assertThat(run.failed()).isEqualTo(50);
            assertThat(run.succeeded()).isZero();
            assertThat(run.latencyNanos().getTotalCount()).isEqualTo(50);
            assertThat(run.latencyNanos().getMinValue()).isGreaterThanOrEqualTo(ms(300));
        }
    }

    @Test
    void requestsWaitingForAConnectionFailAtTheEndOrOnTimeout() throws Exception {
        try (LocalServer server = LocalServer.start(silent())) {
            // One connection, held by a request never answered: the others wait for it in the generator.
            OpenLoopSpec spec = spec(server, List.of(PIXEL), 100, 0, 1_000, 1);
            long started = System.nanoTime();
            LatencyRun run = new OpenLoopRunner(spec, Duration.ofMillis(200), Duration.ofMillis(300)).run().run();

            assertThat(System.nanoTime() - started).isLessThan(TimeUnit.SECONDS.toNanos(3));
            assertThat(run.sent()).isEqualTo(100);
            assertThat(run.failed()).isEqualTo(100);
            assertThat(run.latencyNanos().getTotalCount()).isEqualTo(100);
            // Each failed about when its 200 ms were up, counted from when it was due.
            assertThat(run.latencyNanos().getValueAtPercentile(50)).isBetween(ms(150), ms(400));
        }
    }

    private static long ms(long millis) {
        return TimeUnit.MILLISECONDS.toNanos(millis);
    }
}

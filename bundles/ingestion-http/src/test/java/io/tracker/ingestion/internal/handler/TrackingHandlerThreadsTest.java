package io.tracker.ingestion.internal.handler;

import static org.assertj.core.api.Assertions.assertThat;

import io.tracker.ingestion.internal.identity.Identity;
import io.tracker.ingestion.internal.server.HttpServer;
import io.tracker.ingestion.internal.server.HttpServerSettings;
import io.tracker.processing.spi.Acceptance;
import io.tracker.processing.spi.Outcome;
import io.tracker.processing.spi.ResponseKind;
import io.tracker.processing.spi.Route;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.server.Handler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Which thread a hit waits on, in a real server with a real socket connector: beacons are tracked on the
 * I/O thread, so whatever may wait must not be, or every connection of that I/O thread would wait with it.
 */
class TrackingHandlerThreadsTest {

    private static final Route FAST = new TrackingHandlerTest.TestRoute("impression", "/i", Set.of("GET"),
            ResponseKind.PIXEL, null, null);
    private static final Route SLOW = new TrackingHandlerTest.TestRoute("video", "/v", Set.of("GET"),
            ResponseKind.PIXEL, null, null);
    private static final Route API = new TrackingHandlerTest.TestRoute("conversion", "/api/conversions",
            Set.of("POST"), ResponseKind.JSON, null, null);

    private final TrackingHandlerTest.RecordingIntake intake =
            new TrackingHandlerTest.RecordingIntake(List.of(FAST, SLOW, API));
    private final CountDownLatch release = new CountDownLatch(1);
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private HttpServer server;

    @BeforeEach
    void start() throws Exception {
        Identity identity = new Identity(TrackingHandlerTest.settings(true, false, false));
        intake.mayWait = route -> route == SLOW;
        intake.answer = hit -> {
            if (hit.path().equals("/v") || hit.body() != null) {
                awaitRelease(); // a preprocessor being replaced, an fsync, a slow body...
            }
            return new Outcome(Acceptance.ACCEPTED, List.of(Outcome.Item.accepted(0, "id-1")));
        };
        // one selector: had a waiting hit run on it, every other connection would wait too
        server = new HttpServer(new HttpServerSettings("127.0.0.1", 0, 30_000, 16, 8192, 2_000, false),
                new Handler.Sequence(new OptOutHandler(identity), new TrackingHandler(intake, identity)));
        server.start();
    }

    @AfterEach
    void stop() throws Exception {
        release.countDown();
        server.stop();
    }

    @Test
    void aHitThatMayWaitWaitsOnAPoolThreadWhileBeaconsGoOn() throws Exception {
        CompletableFuture<HttpResponse<Void>> waiting = client.sendAsync(get("/v"),
                HttpResponse.BodyHandlers.discarding());
        awaitAccepted("/v");

        assertThat(sendBeacons(20)).as("beacons answered while /v waits").containsOnly(200);
        assertThat(waiting).isNotDone();

        release.countDown();
        assertThat(waiting.get(5, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
    }

    @Test
    void aJsonBodyIsReadAndTrackedOnAPoolThread() throws Exception {
        CompletableFuture<HttpResponse<Void>> waiting = client.sendAsync(HttpRequest.newBuilder(uri("/api/conversions"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"order\":\"1\"}"))
                .build(), HttpResponse.BodyHandlers.discarding());
        awaitAccepted("/api/conversions");

        assertThat(sendBeacons(20)).containsOnly(200);

        release.countDown();
        assertThat(waiting.get(5, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
    }

    private List<Integer> sendBeacons(int count) throws Exception {
        List<CompletableFuture<HttpResponse<Void>>> sent = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            // a new client each: its own connection, none queued behind the waiting one
            sent.add(HttpClient.newHttpClient().sendAsync(get("/i?cid=" + i), HttpResponse.BodyHandlers.discarding()));
        }
        List<Integer> statuses = new ArrayList<>();
        for (CompletableFuture<HttpResponse<Void>> response : sent) {
            statuses.add(response.get(5, TimeUnit.SECONDS).statusCode());
        }
        return statuses;
    }

    private void awaitAccepted(String path) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (intake.hits.stream().noneMatch(hit -> hit.path().equals(path))) {
            assertThat(System.nanoTime()).as("the hit on " + path + " reaches the intake").isLessThan(deadline);
            Thread.sleep(10);
        }
    }

    private void awaitRelease() {
        try {
            release.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private HttpRequest get(String pathAndQuery) {
        return HttpRequest.newBuilder(uri(pathAndQuery)).timeout(Duration.ofSeconds(10)).build();
    }

    private URI uri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + server.port() + pathAndQuery);
    }
}

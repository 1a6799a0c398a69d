package io.tracker.ingestion.internal.handler;

import static org.assertj.core.api.Assertions.assertThat;

import io.tracker.processing.spi.Acceptance;
import io.tracker.processing.spi.EventIntake;
import io.tracker.processing.spi.Hit;
import io.tracker.processing.spi.ResponseKind;
import io.tracker.processing.spi.Route;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpTester;
import org.eclipse.jetty.server.LocalConnector;
import org.eclipse.jetty.server.Server;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link TrackingHandler} in a real Jetty server, driven through the in-memory {@link LocalConnector}.
 */
class TrackingHandlerTest {

    private static final Route IMPRESSION = new TestRoute("impression", "/i", Set.of("GET"), ResponseKind.PIXEL, null);
    private static final Route CLICK = new TestRoute("click", "/c", Set.of("GET"), ResponseKind.REDIRECT, "url");
    private static final Route CONVERSION =
            new TestRoute("conversion", "/v", Set.of("GET", "POST"), ResponseKind.NO_CONTENT, null);

    private final RecordingIntake intake = new RecordingIntake(Map.of(
            IMPRESSION.path(), IMPRESSION, CLICK.path(), CLICK, CONVERSION.path(), CONVERSION));

    private Server server;
    private LocalConnector connector;

    @BeforeEach
    void startServer() throws Exception {
        server = new Server();
        connector = new LocalConnector(server);
        server.addConnector(connector);
        server.setHandler(new TrackingHandler(intake));
        server.start();
    }

    @AfterEach
    void stopServer() throws Exception {
        server.stop();
    }

    @Nested
    class PixelResponse {

        @Test
        void answersOkWithAnUncacheableGif() throws Exception {
            HttpTester.Response response = get("/i?cid=1");

            assertThat(response.getStatus()).isEqualTo(200);
            assertThat(response.get(HttpHeader.CONTENT_TYPE)).isEqualTo("image/gif");
            assertThat(response.get(HttpHeader.CACHE_CONTROL)).isEqualTo("no-store");
            assertThat(response.get(HttpHeader.CONTENT_LENGTH)).isEqualTo("43");
        }

        @Test
        void bodyIsTheSmallestValidGif() throws Exception {
            byte[] body = get("/i?cid=1").getContentBytes();

            assertThat(body).hasSize(43);
            assertThat(new String(body, 0, 6, StandardCharsets.US_ASCII)).isEqualTo("GIF89a");
            assertThat(body[body.length - 1]).as("GIF trailer").isEqualTo((byte) 0x3B);
        }

        @Test
        void bodyDecodesAsOneTransparentPixel() throws Exception {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(get("/i").getContentBytes()));

            assertThat(image).isNotNull();
            assertThat(image.getWidth()).isEqualTo(1);
            assertThat(image.getHeight()).isEqualTo(1);
            assertThat(image.getRGB(0, 0) >>> 24).as("alpha").isZero();
        }

        @Test
        void everyResponseGetsTheFullPixelNotWhatAnEarlierResponseLeftOfASharedBuffer() throws Exception {
            byte[] first = get("/i?cid=1").getContentBytes();
            byte[] second = get("/i?cid=2").getContentBytes();

            assertThat(first).hasSize(43);
            assertThat(second).isEqualTo(first);
        }

        @Test
        void pipelinedRequestsOnOneConnectionEachGetTheFullPixel() throws Exception {
            String request = "GET /i?cid=1 HTTP/1.1\r\nHost: x\r\n\r\n";
            LocalConnector.LocalEndPoint connection = connector.executeRequest(request + request + request);

            for (int i = 1; i <= 3; i++) {
                ByteBuffer raw = connection.waitForResponse(false, 5, TimeUnit.SECONDS);
                assertThat(raw).as("response %d", i).isNotNull();
                HttpTester.Response response = HttpTester.parseResponse(raw);
                assertThat(response.getStatus()).isEqualTo(200);
                assertThat(response.getContentBytes()).as("response %d", i).hasSize(43).startsWith('G', 'I', 'F');
            }
            assertThat(intake.hits).hasSize(3);
        }
    }

    @Nested
    class IntakeHandOff {

        @Test
        void receivesTheRouteAndTheQueryParametersOfTheHit() throws Exception {
            get("/i?cid=1&cr=banner%20A&empty=");

            assertThat(intake.routes).containsExactly(IMPRESSION);
            Map<String, String> hit = intake.hits.get(0);
            assertThat(hit.get("cid")).isEqualTo("1");
            assertThat(hit.get("cr")).as("decoded").isEqualTo("banner A");
            assertThat(hit.get("empty")).isEmpty();
            assertThat(hit.get("absent")).isNull();
        }

        @Test
        void isCalledOncePerHit() throws Exception {
            get("/i?cid=1");
            get("/v?cid=2");

            assertThat(intake.hits).extracting(hit -> hit.get("cid")).containsExactly("1", "2");
            assertThat(intake.routes).containsExactly(IMPRESSION, CONVERSION);
        }

        @Test
        void overloadedAnswers503WithRetryAfterOneSecond() throws Exception {
            intake.answer = Acceptance.OVERLOADED;

            HttpTester.Response response = get("/i?cid=1");

            assertThat(response.getStatus()).isEqualTo(503);
            assertThat(response.get(HttpHeader.RETRY_AFTER)).isEqualTo("1");
            assertThat(response.get(HttpHeader.CONTENT_TYPE)).isNotEqualTo("image/gif");
        }

        @Test
        void overloadedRedirectDoesNotRedirect() throws Exception {
            intake.answer = Acceptance.OVERLOADED;

            HttpTester.Response response = get("/c?url=" + encode("https://example.com/"));

            assertThat(response.getStatus()).isEqualTo(503);
            assertThat(response.get(HttpHeader.LOCATION)).isNull();
        }
    }

    @Nested
    class Routing {

        @Test
        void unknownPathIs404AndNoHit() throws Exception {
            HttpTester.Response response = get("/nothing-here?cid=1");

            assertThat(response.getStatus()).isEqualTo(404);
            assertThat(intake.hits).isEmpty();
            assertThat(intake.routedPaths).containsExactly("/nothing-here");
        }

        @Test
        void pathIsMatchedWithoutTheQueryString() throws Exception {
            get("/i?cid=1");

            assertThat(intake.routedPaths).containsExactly("/i");
        }

        @Test
        void methodTheRouteDoesNotAcceptIs405WithAllowAndNoHit() throws Exception {
            HttpTester.Response response = send("POST /i?cid=1 HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n");

            assertThat(response.getStatus()).isEqualTo(405);
            assertThat(response.get(HttpHeader.ALLOW)).isEqualTo("GET");
            assertThat(intake.hits).isEmpty();
        }

        @Test
        void allowListsEveryMethodOfTheRoute() throws Exception {
            HttpTester.Response response = send("DELETE /v HTTP/1.1\r\nHost: x\r\n\r\n");

            assertThat(response.getStatus()).isEqualTo(405);
            assertThat(response.getCSV(HttpHeader.ALLOW, false)).containsExactlyInAnyOrder("GET", "POST");
        }

        @Test
        void secondMethodOfARouteIsAccepted() throws Exception {
            HttpTester.Response response = send("POST /v?cid=3 HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n");

            assertThat(response.getStatus()).isEqualTo(204);
            assertThat(intake.hits).singleElement().extracting(hit -> hit.get("cid")).isEqualTo("3");
        }
    }

    @Nested
    class NoContent {

        @Test
        void answers204WithoutBody() throws Exception {
            HttpTester.Response response = get("/v?cid=1");

            assertThat(response.getStatus()).isEqualTo(204);
            assertThat(response.getContentBytes()).isNullOrEmpty();
            assertThat(response.get(HttpHeader.CACHE_CONTROL)).isEqualTo("no-store");
            assertThat(intake.hits).hasSize(1);
        }
    }

    @Nested
    class Redirect {

        @Test
        void answers302ToTheDecodedUrlParameter() throws Exception {
            String target = "https://shop.example.com/landing?a=1&b=two#top";

            HttpTester.Response response = get("/c?cid=1&url=" + encode(target));

            assertThat(response.getStatus()).isEqualTo(302);
            assertThat(response.get(HttpHeader.LOCATION)).isEqualTo(target);
            assertThat(response.get(HttpHeader.CACHE_CONTROL)).isEqualTo("no-store");
            assertThat(intake.hits).singleElement().extracting(hit -> hit.get("cid")).isEqualTo("1");
        }

        @Test
        void acceptsPlainHttpAndUpperCaseSchemes() throws Exception {
            assertThat(get("/c?url=" + encode("http://example.com/x")).get(HttpHeader.LOCATION))
                    .isEqualTo("http://example.com/x");
            assertThat(get("/c?url=" + encode("HTTPS://example.com/x")).getStatus()).isEqualTo(302);
        }

        @Test
        void missingUrlIs400AndNoHit() throws Exception {
            HttpTester.Response response = get("/c?cid=1");

            assertThat(response.getStatus()).isEqualTo(400);
            assertThat(response.get(HttpHeader.LOCATION)).isNull();
            assertThat(intake.hits).isEmpty();
        }

        @ParameterizedTest(name = "url={0}")
        @ValueSource(strings = {
            "",
            "/relative/path",
            "example.com/no-scheme",
            "//example.com/scheme-relative",
            "javascript:alert(1)",
            "JavaScript://example.com/%0Aalert(1)",
            "ftp://example.com/file",
            "data:text/html,hi",
            "http:no-host",
            "https://bad host/with space"
        })
        void anythingButAnAbsoluteHttpUrlIs400AndNoHit(String url) throws Exception {
            HttpTester.Response response = get("/c?cid=1&url=" + encode(url));

            assertThat(response.getStatus()).isEqualTo(400);
            assertThat(response.get(HttpHeader.LOCATION)).isNull();
            assertThat(intake.hits).isEmpty();
        }

        @Test
        void badRequestNamesTheParameter() throws Exception {
            assertThat(get("/c?url=" + encode("ftp://example.com/")).getContent()).contains("url");
        }
    }

    private HttpTester.Response get(String pathAndQuery) throws Exception {
        return send("GET " + pathAndQuery + " HTTP/1.1\r\nHost: x\r\n\r\n");
    }

    private HttpTester.Response send(String rawRequest) throws Exception {
        ByteBuffer raw = connector.getResponse(ByteBuffer.wrap(rawRequest.getBytes(StandardCharsets.ISO_8859_1)));
        HttpTester.Response response = HttpTester.parseResponse(raw);
        assertThat(response).as("a complete response to %s", rawRequest).isNotNull();
        return response;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** An event type's route, as the processing bundle would return it. */
    record TestRoute(String eventType, String path, Set<String> methods, ResponseKind response,
                     String redirectParameter) implements Route {
    }

    /**
     * Routes by exact path and records what it was asked and given; answers {@link #answer}. A hit is only
     * valid on the request thread, so its parameters of interest are copied while {@code accept} runs.
     */
    static final class RecordingIntake implements EventIntake {

        private static final List<String> RECORDED_PARAMETERS = List.of("cid", "cr", "empty", "absent", "url");

        private final Map<String, Route> routesByPath;
        final List<String> routedPaths = new CopyOnWriteArrayList<>();
        final List<Route> routes = new CopyOnWriteArrayList<>();
        final List<Map<String, String>> hits = new CopyOnWriteArrayList<>();
        volatile Acceptance answer = Acceptance.ACCEPTED;

        RecordingIntake(Map<String, Route> routesByPath) {
            this.routesByPath = routesByPath;
        }

        @Override
        public Route route(String path) {
            routedPaths.add(path);
            return routesByPath.get(path);
        }

        @Override
        public Acceptance accept(Route route, Hit hit) {
            routes.add(route);
            Map<String, String> parameters = new HashMap<>();
            for (String name : RECORDED_PARAMETERS) {
                parameters.put(name, hit.queryParameter(name));
            }
            hits.add(parameters);
            return answer;
        }
    }
}

package io.tracker.ingestion.internal.handler;

import static org.assertj.core.api.Assertions.assertThat;

import io.tracker.ingestion.internal.identity.Identity;
import io.tracker.ingestion.internal.identity.IdentitySettings;
import io.tracker.processing.spi.Acceptance;
import io.tracker.processing.spi.EventIntake;
import io.tracker.processing.spi.Hit;
import io.tracker.processing.spi.Outcome;
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
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpTester;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.LocalConnector;
import org.eclipse.jetty.server.Server;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link TrackingHandler} (behind the {@link OptOutHandler}, as the server runs them) in a real Jetty server,
 * driven through the in-memory {@link LocalConnector}, with a hand-written intake.
 */
class TrackingHandlerTest {

    private static final int MAX_BODY = 100;
    private static final Route IMPRESSION = new TestRoute("impression", "/i", Set.of("GET"), ResponseKind.PIXEL,
            null, null);
    private static final Route CLICK = new TestRoute("click", "/c", Set.of("GET"), ResponseKind.REDIRECT, "url", null);
    private static final Route CLICK_WITH_FALLBACK = new TestRoute("click", "/cf", Set.of("GET"), ResponseKind.REDIRECT,
            "to", "https://publisher.example/sorry");
    private static final Route CONVERSION =
            new TestRoute("conversion", "/v", Set.of("GET", "POST"), ResponseKind.NO_CONTENT, null, null);
    private static final Route API =
            new TestRoute("conversion", "/api/conversions", Set.of("POST"), ResponseKind.JSON, null, null);
    /** The id format of {@link Identity}: 16 random bytes, URL-safe base64 without padding. */
    private static final Pattern NEW_ID_COOKIE = Pattern.compile(
            "tid=([A-Za-z0-9_-]{22}); Path=/; Max-Age=33696000; HttpOnly; SameSite=Lax");
    private static final String RETURNING_ID = "Returning_Visitor-1";

    private final RecordingIntake intake = new RecordingIntake(List.of(IMPRESSION, CLICK, CLICK_WITH_FALLBACK,
            CONVERSION, API));
    private final Identity identity = new Identity(settings(false, false, true));

    private Server server;
    private LocalConnector connector;

    static IdentitySettings settings(boolean enabled, boolean honorDnt, boolean honorGpc) {
        return new IdentitySettings(enabled, "tid", "", 390L * 24 * 3600, false, "/optout", "tracker_optout",
                honorDnt, honorGpc);
    }

    @BeforeEach
    void startServer() throws Exception {
        identity.use(settings(true, false, true));
        server = new Server();
        connector = new LocalConnector(server);
        server.addConnector(connector);
        server.setHandler(new Handler.Sequence(new OptOutHandler(identity), new TrackingHandler(intake, identity)));
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

        @Test
        void anInvalidHitStillGetsThePixelSoThePageNeverBreaks() throws Exception {
            intake.answer = hit -> invalid("dimension 'e': 'x' is not one of start, complete");

            HttpTester.Response response = get("/i?e=x");

            assertThat(response.getStatus()).isEqualTo(200);
            assertThat(response.get(HttpHeader.CONTENT_TYPE)).isEqualTo("image/gif");
            assertThat(response.getContentBytes()).hasSize(43);
            assertThat(intake.hits).hasSize(1);
        }

        @Test
        void headGetsTheHeadersWithoutTheBody() throws Exception {
            Route pixelWithHead = new TestRoute("impression", "/h", Set.of("GET", "HEAD"), ResponseKind.PIXEL, null,
                    null);
            intake.add(pixelWithHead);

            HttpTester.Response response = send("HEAD /h HTTP/1.1\r\nHost: x\r\n\r\n", true);

            assertThat(response.getStatus()).isEqualTo(200);
            assertThat(response.get(HttpHeader.CONTENT_TYPE)).isEqualTo("image/gif");
            assertThat(response.getContentBytes()).isNullOrEmpty();
            assertThat(intake.hits).singleElement().extracting(SeenHit::method).isEqualTo("HEAD");
        }
    }

    @Nested
    class IntakeHandOff {

        @Test
        void receivesTheRouteAndTheQueryParametersOfTheHit() throws Exception {
            get("/i?cid=1&cr=banner%20A&empty=");

            assertThat(intake.routes).containsExactly(IMPRESSION);
            SeenHit hit = intake.hits.get(0);
            assertThat(hit.parameter("cid")).isEqualTo("1");
            assertThat(hit.parameter("cr")).as("decoded").isEqualTo("banner A");
            assertThat(hit.parameter("empty")).isEmpty();
            assertThat(hit.parameter("absent")).isNull();
        }

        @Test
        void receivesMethodPathRawQueryHeadersAndCookies() throws Exception {
            send("GET /i?cid=1&cr=banner%20A HTTP/1.1\r\nHost: x\r\nuser-agent: UA/1\r\nReferer: https://news.example/\r\n"
                    + "Cookie: seg=sports; other=1\r\n\r\n");

            SeenHit hit = intake.hits.get(0);
            assertThat(hit.method()).isEqualTo("GET");
            assertThat(hit.path()).isEqualTo("/i");
            assertThat(hit.rawQuery()).as("as sent").isEqualTo("cid=1&cr=banner%20A");
            assertThat(hit.headers()).containsEntry("User-Agent", "UA/1").containsEntry("Referer",
                    "https://news.example/");
            assertThat(hit.headers().get("X-Absent")).isNull();
            assertThat(hit.cookies()).containsEntry("seg", "sports");
            assertThat(hit.cookies().get("absent")).isNull();
            assertThat(hit.body()).as("beacons have no body").isNull();
        }

        @Test
        void aHitWithoutAQueryHasNoRawQuery() throws Exception {
            get("/i");

            assertThat(intake.hits.get(0).rawQuery()).isNull();
        }

        @Test
        void isCalledOncePerHit() throws Exception {
            get("/i?cid=1");
            get("/v?cid=2");

            assertThat(intake.hits).extracting(hit -> hit.parameter("cid")).containsExactly("1", "2");
            assertThat(intake.routes).containsExactly(IMPRESSION, CONVERSION);
        }

        @Test
        void overloadedAnswers503WithRetryAfterOneSecond() throws Exception {
            intake.answer = hit -> Outcome.overloaded();

            HttpTester.Response response = get("/i?cid=1");

            assertThat(response.getStatus()).isEqualTo(503);
            assertThat(response.get(HttpHeader.RETRY_AFTER)).isEqualTo("1");
            assertThat(response.get(HttpHeader.CONTENT_TYPE)).isNotEqualTo("image/gif");
        }

        @Test
        void overloadedNoContentIsAlso503() throws Exception {
            intake.answer = hit -> Outcome.overloaded();

            HttpTester.Response response = get("/v?cid=1");

            assertThat(response.getStatus()).isEqualTo(503);
            assertThat(response.get(HttpHeader.RETRY_AFTER)).isEqualTo("1");
        }

        @Test
        void overloadedRedirectDoesNotRedirect() throws Exception {
            intake.answer = hit -> Outcome.overloaded();

            HttpTester.Response response = get("/c?url=" + encode("https://example.com/"));

            assertThat(response.getStatus()).isEqualTo(503);
            assertThat(response.get(HttpHeader.LOCATION)).isNull();
        }

        @Test
        void overloadedRedirectWithAFallbackDoesNotRedirectEither() throws Exception {
            intake.answer = hit -> Outcome.overloaded();

            HttpTester.Response response = get("/cf?to=" + encode("https://example.com/"));

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
            assertThat(intake.hits).singleElement().extracting(hit -> hit.parameter("cid")).isEqualTo("3");
        }

        @Test
        void aGetOnThePostOnlyApiIs405() throws Exception {
            HttpTester.Response response = get("/api/conversions");

            assertThat(response.getStatus()).isEqualTo(405);
            assertThat(response.get(HttpHeader.ALLOW)).isEqualTo("POST");
            assertThat(intake.hits).isEmpty();
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

        @Test
        void anInvalidHitStillGets204() throws Exception {
            intake.answer = hit -> invalid("metric 'value': 'x' is not a number");

            HttpTester.Response response = get("/v?value=x");

            assertThat(response.getStatus()).isEqualTo(204);
            assertThat(response.getContentBytes()).isNullOrEmpty();
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
            assertThat(intake.hits).singleElement().extracting(hit -> hit.parameter("cid")).isEqualTo("1");
        }

        @Test
        void redirectsToWhatTheIntakeAccepted() throws Exception {
            assertThat(get("/c?url=" + encode("http://example.com/x")).get(HttpHeader.LOCATION))
                    .isEqualTo("http://example.com/x");
            assertThat(get("/c?url=" + encode("HTTPS://example.com/x")).getStatus()).isEqualTo(302);
        }

        @Test
        void usesTheRoutesRedirectParameter() throws Exception {
            HttpTester.Response response = get("/cf?url=" + encode("https://wrong.example/") + "&to="
                    + encode("https://right.example/"));

            assertThat(response.get(HttpHeader.LOCATION)).isEqualTo("https://right.example/");
        }

        @Test
        void anInvalidClickWithoutFallbackIs400NamingTheProblem() throws Exception {
            intake.answer = hit -> invalid("redirect target 'url': missing");

            HttpTester.Response response = get("/c?cid=1");

            assertThat(response.getStatus()).isEqualTo(400);
            assertThat(response.get(HttpHeader.LOCATION)).isNull();
            assertThat(response.getContent()).as("an HTML error page").contains("redirect target", "url", "missing");
            assertThat(intake.hits).as("recorded as an invalid event by the intake").hasSize(1);
        }

        @Test
        void badRequestNamesTheParameter() throws Exception {
            intake.answer = hit -> invalid("redirect target 'url': not an absolute http(s) URL");

            assertThat(get("/c?url=" + encode("ftp://example.com/")).getContent()).contains("url");
        }

        @ParameterizedTest(name = "url={0}")
        @ValueSource(strings = {"", "/relative/path", "//example.com/scheme-relative", "javascript:alert(1)",
            "https://evil.example/"})
        void anInvalidClickNeverGoesToTheTargetItCarries(String url) throws Exception {
            intake.answer = hit -> invalid("redirect target 'url': not an absolute http(s) URL");

            HttpTester.Response response = get("/c?cid=1&url=" + encode(url));

            assertThat(response.getStatus()).isEqualTo(400);
            assertThat(response.get(HttpHeader.LOCATION)).isNull();
        }

        @Test
        void anInvalidClickWithAFallbackGoesToTheFallback() throws Exception {
            intake.answer = hit -> invalid("redirect target 'to': not an absolute http(s) URL");

            HttpTester.Response response = get("/cf?to=" + encode("javascript:alert(1)"));

            assertThat(response.getStatus()).isEqualTo(302);
            assertThat(response.get(HttpHeader.LOCATION)).isEqualTo("https://publisher.example/sorry");
            assertThat(response.get(HttpHeader.CACHE_CONTROL)).isEqualTo("no-store");
        }
    }

    @Nested
    class JsonApi {

        @Test
        void acceptedAnswers200WithAnAccountPerEvent() throws Exception {
            intake.answer = hit -> new Outcome(Acceptance.ACCEPTED, List.of(Outcome.Item.accepted(0, "c-1")));

            HttpTester.Response response = postJson("{\"order\":\"o-1\"}");

            assertThat(response.getStatus()).isEqualTo(200);
            assertThat(response.get(HttpHeader.CONTENT_TYPE)).isEqualTo("application/json");
            assertThat(response.get(HttpHeader.CACHE_CONTROL)).isEqualTo("no-store");
            assertThat(response.getContent()).isEqualTo(
                    "{\"accepted\":1,\"rejected\":0,\"events\":[{\"index\":0,\"status\":\"accepted\",\"id\":\"c-1\"}]}");
            assertThat(response.get(HttpHeader.CONTENT_LENGTH))
                    .isEqualTo(Integer.toString(response.getContentBytes().length));
        }

        @Test
        void theIntakeGetsTheBodyAsSent() throws Exception {
            String body = "[{\"order\":\"caf\u00e9\"},{\"order\":\"o-2\"}]";

            postJson(body);

            assertThat(intake.hits).singleElement().satisfies(hit -> {
                assertThat(hit.method()).isEqualTo("POST");
                assertThat(new String(hit.body(), StandardCharsets.UTF_8)).isEqualTo(body);
            });
            assertThat(intake.routes).containsExactly(API);
        }

        @Test
        void partialAnswers200SayingWhatWasRejectedAndWhy() throws Exception {
            intake.answer = hit -> new Outcome(Acceptance.PARTIAL, List.of(Outcome.Item.accepted(0, "a"),
                    Outcome.Item.rejected(1, List.of("metric 'value': 'abc' is not a number", "'order' is required "
                            + "but missing"))));

            HttpTester.Response response = postJson("[{},{}]");

            assertThat(response.getStatus()).isEqualTo(200);
            assertThat(response.getContent()).isEqualTo("{\"accepted\":1,\"rejected\":1,\"events\":["
                    + "{\"index\":0,\"status\":\"accepted\",\"id\":\"a\"},"
                    + "{\"index\":1,\"status\":\"rejected\",\"errors\":[\"metric 'value': 'abc' is not a number\","
                    + "\"'order' is required but missing\"]}]}");
        }

        @Test
        void invalidAnswers400WithTheReasons() throws Exception {
            intake.answer = hit -> Outcome.malformed("the body is not JSON: Unexpected character");

            HttpTester.Response response = postJson("order=1");

            assertThat(response.getStatus()).isEqualTo(400);
            assertThat(response.get(HttpHeader.CONTENT_TYPE)).isEqualTo("application/json");
            assertThat(response.getContent()).isEqualTo("{\"accepted\":0,\"rejected\":1,\"events\":[{\"index\":0,"
                    + "\"status\":\"rejected\",\"errors\":[\"the body is not JSON: Unexpected character\"]}]}");
        }

        @Test
        void overloadedAnswers503WithRetryAfterAndAnError() throws Exception {
            intake.answer = hit -> Outcome.overloaded();

            HttpTester.Response response = postJson("{}");

            assertThat(response.getStatus()).isEqualTo(503);
            assertThat(response.get(HttpHeader.RETRY_AFTER)).isEqualTo("1");
            assertThat(response.get(HttpHeader.CONTENT_TYPE)).isEqualTo("application/json");
            assertThat(response.getContent()).isEqualTo("{\"error\":\"the tracker is overloaded; retry\"}");
        }

        @Test
        void aBatchCutShortByOverloadSaysWhichEventsToResend() throws Exception {
            intake.answer = hit -> new Outcome(Acceptance.OVERLOADED, List.of(Outcome.Item.accepted(0, "a"),
                    Outcome.Item.rejected(1, List.of("not taken: the tracker is overloaded, retry"))));

            HttpTester.Response response = postJson("[{},{}]");

            assertThat(response.getStatus()).isEqualTo(503);
            assertThat(response.get(HttpHeader.RETRY_AFTER)).isEqualTo("1");
            assertThat(response.getContent()).isEqualTo("{\"accepted\":1,\"rejected\":1,\"events\":["
                    + "{\"index\":0,\"status\":\"accepted\",\"id\":\"a\"},{\"index\":1,\"status\":\"rejected\","
                    + "\"errors\":[\"not taken: the tracker is overloaded, retry\"]}]}");
        }

        @Test
        void anOutcomeWithoutItemsIsOnlyCalledOverloadedWhenItIs() throws Exception {
            intake.answer = hit -> new Outcome(Acceptance.ACCEPTED, List.of());

            HttpTester.Response response = postJson("[]");

            assertThat(response.getStatus()).isEqualTo(200);
            assertThat(response.getContent()).doesNotContain("overloaded")
                    .isEqualTo("{\"accepted\":0,\"rejected\":0,\"events\":[]}");
        }

        @Test
        void aBodyOfExactlyTheLimitIsRead() throws Exception {
            String body = "{\"pad\":\"" + "p".repeat(MAX_BODY - 10) + "\"}";
            assertThat(body).hasSize(MAX_BODY);

            HttpTester.Response response = postJson(body);

            assertThat(response.getStatus()).isEqualTo(200);
            assertThat(intake.hits.get(0).body()).hasSize(MAX_BODY);
        }

        @Test
        void aDeclaredLengthOverTheLimitIs413WithoutReadingOrAskingTheIntake() throws Exception {
            String body = "x".repeat(MAX_BODY + 1);

            HttpTester.Response response = send("POST /api/conversions HTTP/1.1\r\nHost: x\r\n"
                    + "Content-Type: application/json\r\nContent-Length: " + body.length() + "\r\n\r\n" + body);

            assertThat(response.getStatus()).isEqualTo(413);
            assertThat(response.get(HttpHeader.CONTENT_TYPE)).isEqualTo("application/json");
            assertThat(response.getContent()).isEqualTo("{\"error\":\"the body is larger than 100 bytes\"}");
            assertThat(intake.hits).isEmpty();
            assertThat(response.get(HttpHeader.SET_COOKIE)).isNull();
        }

        @Test
        void aChunkedBodyOverTheLimitIs413Too() throws Exception {
            HttpTester.Response response = send("POST /api/conversions HTTP/1.1\r\nHost: x\r\n"
                    + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
                    + chunk("[" + "{},".repeat(20)) + chunk("{},".repeat(20)) + chunk("{}]") + "0\r\n\r\n");

            assertThat(response.getStatus()).isEqualTo(413);
            assertThat(response.getContent()).isEqualTo("{\"error\":\"the body is larger than 100 bytes\"}");
            assertThat(intake.hits).isEmpty();
        }

        @Test
        void aChunkedBodyWithinTheLimitIsRead() throws Exception {
            HttpTester.Response response = send("POST /api/conversions HTTP/1.1\r\nHost: x\r\n"
                    + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
                    + chunk("[{\"a\":1},") + chunk("{\"a\":2}]") + "0\r\n\r\n");

            assertThat(response.getStatus()).isEqualTo(200);
            assertThat(new String(intake.hits.get(0).body(), StandardCharsets.UTF_8)).isEqualTo("[{\"a\":1},{\"a\":2}]");
        }

        @Test
        void anEmptyBodyReachesTheIntakeAsEmpty() throws Exception {
            intake.answer = hit -> Outcome.malformed("the body must be a JSON object or an array of objects");

            HttpTester.Response response = postJson("");

            assertThat(response.getStatus()).isEqualTo(400);
            assertThat(intake.hits.get(0).body()).isEmpty();
        }

        @Test
        void aMissingContentTypeIs415() throws Exception {
            HttpTester.Response response = send("POST /api/conversions HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\n{}");

            assertThat(response.getStatus()).isEqualTo(415);
            assertThat(response.get(HttpHeader.CONTENT_TYPE)).isEqualTo("application/json");
            assertThat(response.getContent())
                    .isEqualTo("{\"error\":\"send the events as Content-Type: application/json\"}");
            assertThat(intake.hits).isEmpty();
        }

        @ParameterizedTest
        @ValueSource(strings = {"text/plain", "application/x-www-form-urlencoded", "text/json", "multipart/form-data"})
        void anotherContentTypeIs415(String contentType) throws Exception {
            HttpTester.Response response = post("/api/conversions", contentType, "{}");

            assertThat(response.getStatus()).isEqualTo(415);
            assertThat(intake.hits).isEmpty();
        }

        @ParameterizedTest
        @ValueSource(strings = {"application/json; charset=utf-8", "Application/JSON", "application/json;charset=UTF-8"})
        void jsonWithParametersOrInAnyCaseIsAccepted(String contentType) throws Exception {
            HttpTester.Response response = post("/api/conversions", contentType, "{}");

            assertThat(response.getStatus()).isEqualTo(200);
            assertThat(intake.hits).hasSize(1);
        }

        @Test
        void theContentTypeIsCheckedBeforeTheLength() throws Exception {
            HttpTester.Response response = post("/api/conversions", "text/plain", "x".repeat(MAX_BODY + 1));

            assertThat(response.getStatus()).isEqualTo(415);
        }
    }

    @Nested
    class UserIdentity {

        @Test
        void aNewVisitorGetsTheCookieAndItsIdReachesTheIntake() throws Exception {
            HttpTester.Response response = get("/i?cid=1");

            List<String> cookies = response.getValuesList(HttpHeader.SET_COOKIE);
            assertThat(cookies).hasSize(1);
            Matcher cookie = NEW_ID_COOKIE.matcher(cookies.get(0));
            assertThat(cookie.matches()).as("Set-Cookie %s", cookies.get(0)).isTrue();
            assertThat(intake.hits.get(0).userId()).isEqualTo(cookie.group(1));
        }

        @Test
        void everyNewVisitorGetsAnotherId() throws Exception {
            get("/i");
            get("/i");

            assertThat(intake.hits).extracting(SeenHit::userId).doesNotContainNull().doesNotHaveDuplicates();
        }

        @Test
        void aReturningVisitorKeepsItsIdAndGetsNoCookie() throws Exception {
            HttpTester.Response response = getWith("/i", "Cookie: tid=" + RETURNING_ID);

            assertThat(response.getStatus()).isEqualTo(200);
            assertThat(response.get(HttpHeader.SET_COOKIE)).isNull();
            assertThat(intake.hits.get(0).userId()).isEqualTo(RETURNING_ID);
        }

        @Test
        void aVisitorWithAMalformedIdGetsANewOne() throws Exception {
            HttpTester.Response response = getWith("/i", "Cookie: tid=short");

            assertThat(response.get(HttpHeader.SET_COOKIE)).matches(NEW_ID_COOKIE);
            assertThat(intake.hits.get(0).userId()).isNotEqualTo("short").matches("[A-Za-z0-9_-]{22}");
        }

        @Test
        void globalPrivacyControlMeansNoCookieAndNoId() throws Exception {
            HttpTester.Response response = getWith("/i", "Sec-GPC: 1", "Cookie: tid=" + RETURNING_ID);

            assertThat(response.getStatus()).isEqualTo(200);
            assertThat(response.get(HttpHeader.SET_COOKIE)).isNull();
            assertThat(intake.hits.get(0).userId()).isNull();
        }

        @Test
        void globalPrivacyControlIsIgnoredWhenNotHonoured() throws Exception {
            identity.use(settings(true, false, false));

            HttpTester.Response response = getWith("/i", "Sec-GPC: 1");

            assertThat(response.get(HttpHeader.SET_COOKIE)).startsWith("tid=");
            assertThat(intake.hits.get(0).userId()).isNotNull();
        }

        @Test
        void theOptOutCookieMeansNoCookieAndNoId() throws Exception {
            HttpTester.Response response = getWith("/i", "Cookie: tracker_optout=1; tid=" + RETURNING_ID);

            assertThat(response.get(HttpHeader.SET_COOKIE)).isNull();
            assertThat(intake.hits.get(0).userId()).isNull();
        }

        @Test
        void doNotTrackCountsOnlyWhenHonoured() throws Exception {
            HttpTester.Response ignored = getWith("/i", "DNT: 1");
            assertThat(ignored.get(HttpHeader.SET_COOKIE)).startsWith("tid=");
            assertThat(intake.hits.get(0).userId()).isNotNull();

            identity.use(settings(true, true, true));
            HttpTester.Response honoured = getWith("/i", "DNT: 1");

            assertThat(honoured.get(HttpHeader.SET_COOKIE)).isNull();
            assertThat(intake.hits.get(1).userId()).isNull();
        }

        @Test
        void aDisabledIdentityNeverSetsOrReadsTheCookie() throws Exception {
            identity.use(settings(false, false, true));

            HttpTester.Response response = getWith("/i", "Cookie: tid=" + RETURNING_ID);

            assertThat(response.get(HttpHeader.SET_COOKIE)).isNull();
            assertThat(intake.hits.get(0).userId()).isNull();
        }

        @Test
        void noCookieWhenOverloaded() throws Exception {
            intake.answer = hit -> Outcome.overloaded();

            HttpTester.Response response = get("/i");

            assertThat(response.getStatus()).isEqualTo(503);
            assertThat(response.get(HttpHeader.SET_COOKIE)).isNull();
        }

        @Test
        void noCookieWhenAJsonBatchIsOverloaded() throws Exception {
            intake.answer = hit -> new Outcome(Acceptance.OVERLOADED, List.of(Outcome.Item.accepted(0, "a"),
                    Outcome.Item.rejected(1, List.of("retry"))));

            HttpTester.Response response = postJson("[{},{}]");

            assertThat(response.getStatus()).isEqualTo(503);
            assertThat(response.get(HttpHeader.SET_COOKIE)).isNull();
        }

        @Test
        void anInvalidButRecordedHitSetsTheCookie() throws Exception {
            intake.answer = hit -> invalid("dimension 'e': missing");

            HttpTester.Response response = get("/i");

            assertThat(response.get(HttpHeader.SET_COOKIE)).matches(NEW_ID_COOKIE);
        }

        @Test
        void noCookieForARequestThatIsNotAHit() throws Exception {
            assertThat(send("DELETE /i HTTP/1.1\r\nHost: x\r\n\r\n").get(HttpHeader.SET_COOKIE)).isNull();
            assertThat(get("/nothing").get(HttpHeader.SET_COOKIE)).isNull();
            assertThat(post("/api/conversions", "text/plain", "{}").get(HttpHeader.SET_COOKIE)).isNull();
        }
    }

    @Nested
    class OptOut {

        @Test
        void setsTheOptOutCookieAndClearsTheIdCookie() throws Exception {
            HttpTester.Response response = get("/optout");

            assertThat(response.getStatus()).isEqualTo(200);
            assertThat(response.get(HttpHeader.CACHE_CONTROL)).isEqualTo("no-store");
            assertThat(response.get(HttpHeader.CONTENT_TYPE)).isEqualTo("text/plain; charset=utf-8");
            assertThat(response.getContent()).isEqualTo("You are opted out: this browser is no longer identified.\n");
            assertThat(response.getValuesList(HttpHeader.SET_COOKIE)).containsExactly(
                    "tracker_optout=1; Path=/; Max-Age=157680000; HttpOnly; SameSite=Lax",
                    "tid=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax");
            assertThat(intake.routedPaths).as("not a hit").isEmpty();
        }

        @Test
        void undoClearsTheOptOutCookieOnly() throws Exception {
            HttpTester.Response response = get("/optout?undo=true");

            assertThat(response.getStatus()).isEqualTo(200);
            assertThat(response.getContent()).isEqualTo("Opt-out removed.\n");
            assertThat(response.getValuesList(HttpHeader.SET_COOKIE))
                    .containsExactly("tracker_optout=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax");
        }

        @Test
        void anythingButUndoTrueOptsOut() throws Exception {
            assertThat(get("/optout?undo=yes").getValuesList(HttpHeader.SET_COOKIE)).hasSize(2)
                    .first().asString().startsWith("tracker_optout=1;");
        }

        @Test
        void postIs405WithAllowGet() throws Exception {
            HttpTester.Response response = send("POST /optout HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n");

            assertThat(response.getStatus()).isEqualTo(405);
            assertThat(response.get(HttpHeader.ALLOW)).isEqualTo("GET");
            assertThat(response.get(HttpHeader.SET_COOKIE)).isNull();
        }

        @Test
        void servesTheConfiguredPathOnly() throws Exception {
            identity.use(new IdentitySettings(true, "tid", "", 60, false, "/privacy/optout", "no_track", false,
                    true));

            assertThat(get("/optout").getStatus()).isEqualTo(404);
            HttpTester.Response response = get("/privacy/optout");

            assertThat(response.getStatus()).isEqualTo(200);
            assertThat(response.getValuesList(HttpHeader.SET_COOKIE)).first().asString().startsWith("no_track=1;");
        }

        @Test
        void aBrowserThatOptedOutIsNoLongerIdentified() throws Exception {
            HttpTester.Response optOut = get("/optout");
            String optOutCookie = optOut.getValuesList(HttpHeader.SET_COOKIE).get(0).split(";")[0];

            HttpTester.Response hit = getWith("/i", "Cookie: " + optOutCookie + "; tid=" + RETURNING_ID);

            assertThat(hit.get(HttpHeader.SET_COOKIE)).isNull();
            assertThat(intake.hits.get(0).userId()).isNull();
        }
    }

    private static Outcome invalid(String... errors) {
        return new Outcome(Acceptance.INVALID, List.of(Outcome.Item.rejected(0, List.of(errors))));
    }

    private HttpTester.Response get(String pathAndQuery) throws Exception {
        return send("GET " + pathAndQuery + " HTTP/1.1\r\nHost: x\r\n\r\n");
    }

    private HttpTester.Response getWith(String pathAndQuery, String... headers) throws Exception {
        return send("GET " + pathAndQuery + " HTTP/1.1\r\nHost: x\r\n" + String.join("\r\n", headers) + "\r\n\r\n");
    }

    private HttpTester.Response postJson(String body) throws Exception {
        return post("/api/conversions", "application/json", body);
    }

    private HttpTester.Response post(String path, String contentType, String body) throws Exception {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ByteBuffer head = StandardCharsets.ISO_8859_1.encode("POST " + path + " HTTP/1.1\r\nHost: x\r\nContent-Type: "
                + contentType + "\r\nContent-Length: " + bytes.length + "\r\n\r\n");
        ByteBuffer request = ByteBuffer.allocate(head.remaining() + bytes.length).put(head).put(bytes).flip();
        return parse(connector.getResponse(request), "POST " + path, false);
    }

    private HttpTester.Response send(String rawRequest) throws Exception {
        return send(rawRequest, false);
    }

    private HttpTester.Response send(String rawRequest, boolean head) throws Exception {
        ByteBuffer raw = connector.getResponse(ByteBuffer.wrap(rawRequest.getBytes(StandardCharsets.ISO_8859_1)), head,
                5, TimeUnit.SECONDS);
        return parse(raw, rawRequest, head);
    }

    private static HttpTester.Response parse(ByteBuffer raw, String request, boolean head) {
        assertThat(raw).as("a response to %s", request).isNotNull();
        HttpTester.Response response = head ? HttpTester.parseHeadResponse(raw) : HttpTester.parseResponse(raw);
        assertThat(response).as("a complete response to %s", request).isNotNull();
        return response;
    }

    private static String chunk(String data) {
        return Integer.toHexString(data.length()) + "\r\n" + data + "\r\n";
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** An event type's route, as the processing bundle would return it. */
    record TestRoute(String eventType, String path, Set<String> methods, ResponseKind response,
                     String redirectParameter, String redirectFallback) implements Route {

        @Override
        public int maxBodyBytes() {
            return MAX_BODY;
        }

        @Override
        public int maxBatchEvents() {
            return 10;
        }
    }

    /** What the intake saw of a hit: a hit is only valid on the request thread, so it is copied while accept runs. */
    record SeenHit(String method, String path, String rawQuery, Map<String, String> parameters,
                   Map<String, String> headers, Map<String, String> cookies, String clientIp, String userId,
                   byte[] body) {

        private static final List<String> PARAMETERS = List.of("cid", "cr", "empty", "absent", "url");
        private static final List<String> HEADERS = List.of("User-Agent", "Referer", "X-Absent");
        private static final List<String> COOKIES = List.of("seg", "tid", "absent");

        static SeenHit of(Hit hit) {
            return new SeenHit(hit.method(), hit.path(), hit.rawQuery(), copy(PARAMETERS, hit::queryParameter),
                    copy(HEADERS, hit::header), copy(COOKIES, hit::cookie), hit.clientIp(), hit.userId(), hit.body());
        }

        String parameter(String name) {
            return parameters.get(name);
        }

        private static Map<String, String> copy(List<String> names, Function<String, String> values) {
            Map<String, String> copy = new HashMap<>();
            names.forEach(name -> copy.put(name, values.apply(name)));
            return copy;
        }
    }

    /** Routes by exact path, records what it was asked and given, and answers with {@link #answer}. */
    static final class RecordingIntake implements EventIntake {

        private final Map<String, Route> routesByPath = new java.util.concurrent.ConcurrentHashMap<>();
        final List<String> routedPaths = new CopyOnWriteArrayList<>();
        final List<Route> routes = new CopyOnWriteArrayList<>();
        final List<SeenHit> hits = new CopyOnWriteArrayList<>();
        volatile java.util.function.Predicate<Route> mayWait = route -> false;
        volatile Function<Hit, Outcome> answer =
                hit -> new Outcome(Acceptance.ACCEPTED, List.of(Outcome.Item.accepted(0, "id-1")));

        RecordingIntake(List<Route> routes) {
            routes.forEach(this::add);
        }

        void add(Route route) {
            routesByPath.put(route.path(), route);
        }

        @Override
        public Route route(String path) {
            routedPaths.add(path);
            return routesByPath.get(path);
        }

        @Override
        public Outcome accept(Route route, Hit hit) {
            routes.add(route);
            hits.add(SeenHit.of(hit));
            return answer.apply(hit);
        }

        @Override
        public boolean mayWait(Route route) {
            return mayWait.test(route);
        }
    }
}

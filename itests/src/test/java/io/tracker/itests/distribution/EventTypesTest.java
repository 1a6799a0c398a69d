package io.tracker.itests.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tracker.itests.install.TrackerHome;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 4 on the real zip: event types added, broken and removed while hits flow; the YAML form; the
 * JSON API; invalid beacon hits; the user id cookie and the opt-out.
 */
class EventTypesTest {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration RELOAD = Duration.ofSeconds(2);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path installDir;

    private TrackerProcess tracker;
    private EventFiles events;

    @BeforeEach
    void start() throws Exception {
        tracker = new TrackerProcess(TrackerHome.unpack(installDir));
        events = new EventFiles(tracker.home());
        tracker.command("start");
        tracker.awaitReady(START_TIMEOUT);
    }

    @AfterEach
    void stop() throws Exception {
        tracker.command("stop");
    }

    @Test
    void anEventTypeFileAppliesWithin2sBrokenChangesAreRefusedAndDeletingItRemovesTheRoute() throws Exception {
        Path file = tracker.home().resolve("config/io.tracker.eventtype-signup.cfg");
        try (HitLoad load = new HitLoad(tracker, 4)) { // pixel traffic keeps flowing through every change
            Files.writeString(file, "path = /s\nresponse = no-content\ndimension.plan = query:plan\n");
            awaitStatus("/s?plan=pro", 204, RELOAD);
            events.await("signup", e -> "pro".equals(e.at("/dimensions/plan").asText()), Duration.ofSeconds(2));

            Files.writeString(file, "path = /s\nresponse = no-content\ndimension.plan = quer:plan\n");
            tracker.awaitLog("key 'dimension.plan' = 'quer:plan': unknown source", Duration.ofSeconds(5));
            assertThat(tracker.log()).contains("io.tracker.eventtype-signup.cfg");
            assertThat(tracker.get("/s?plan=team").statusCode()).as("the last good version serves").isEqualTo(204);

            Files.delete(file);
            awaitStatus("/s?plan=pro", 404, RELOAD);
            load.close();
            assertThat(load.errors()).as("pixel hits failed during reconfiguration").isZero();
        }
    }

    @Test
    void theYamlFormBehavesLikeTheCfgForm() throws Exception {
        Path file = tracker.home().resolve("config/event-types/trial.yaml");
        Files.writeString(file, String.join("\n", "path: /t/{plan}", "response: pixel", "dimension:",
                "  plan: path:plan", "  days: query:days", "  days.type: long", "required: [days]", ""));
        awaitStatus("/t/pro?days=14", 200, RELOAD);
        events.await("trial", e -> "pro".equals(e.at("/dimensions/plan").asText())
                && "14".equals(e.at("/dimensions/days").asText()), Duration.ofSeconds(2));

        assertThat(tracker.get("/t/pro?days=soon").statusCode()).as("invalid, but the pixel is served").isEqualTo(200);
        events.await("invalid", e -> e.at("/dimensions/reasons").asText().contains("'soon' is not a whole number"),
                Duration.ofSeconds(2));

        Files.delete(file);
        awaitStatus("/t/pro?days=14", 404, RELOAD);
    }

    @Test
    void theJsonApiAnswersPerEventAndRejectsWhatItCannotRead() throws Exception {
        HttpResponse<String> batch = tracker.postJson("/api/conversions", "application/json",
                "[{\"id\":\"o-1\",\"order\":\"A-17\",\"value\":99.5,\"currency\":\"EUR\"},{\"value\":\"abc\"},7]");
        assertThat(batch.statusCode()).isEqualTo(200);
        JsonNode answer = JSON.readTree(batch.body());
        assertThat(answer.get("accepted").asInt()).isEqualTo(1);
        assertThat(answer.get("rejected").asInt()).isEqualTo(2);
        assertThat(answer.at("/events/0/id").asText()).isEqualTo("o-1");
        assertThat(answer.at("/events/1/errors").toString()).contains("'abc' is not a number", "'order' is required");
        assertThat(answer.at("/events/2/errors/0").asText()).contains("must be a JSON object");
        JsonNode conversion = events.await("conversion", e -> "o-1".equals(e.get("id").asText()), Duration.ofSeconds(2));
        assertThat(conversion.at("/metrics/value").decimalValue()).isEqualByComparingTo("99.5");

        assertThat(tracker.postJson("/api/conversions", "application/json", "{\"value\":1}").statusCode())
                .isEqualTo(400);
        assertThat(tracker.postJson("/api/conversions", "application/json", "not json").statusCode()).isEqualTo(400);
        assertThat(tracker.postJson("/api/conversions", "text/plain", "{}").statusCode()).isEqualTo(415);
        String huge = "[" + "{\"order\":\"x\"},".repeat(30_000) + "{\"order\":\"y\"}]";
        assertThat(tracker.postJson("/api/conversions", "application/json", huge).statusCode()).isEqualTo(413);
    }

    @Test
    void aBrowserGetsAUserIdCookieUnlessItOptsOut() throws Exception {
        HttpResponse<byte[]> first = tracker.get("/i?cid=visitor");
        String cookie = first.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(cookie).startsWith("tid=").contains("HttpOnly");
        String userId = cookie.substring(4, cookie.indexOf(';'));
        events.await("impression", e -> "visitor".equals(e.at("/dimensions/cid").asText())
                && userId.equals(e.at("/dimensions/uid").asText()), Duration.ofSeconds(2));

        HttpResponse<byte[]> returning = tracker.get("/i?cid=returning", "Cookie", "tid=" + userId);
        assertThat(returning.headers().firstValue("Set-Cookie")).isEmpty();
        events.await("impression", e -> "returning".equals(e.at("/dimensions/cid").asText())
                && userId.equals(e.at("/dimensions/uid").asText()), Duration.ofSeconds(2));

        HttpResponse<byte[]> optOut = tracker.get("/optout");
        assertThat(optOut.statusCode()).isEqualTo(200);
        assertThat(optOut.headers().allValues("Set-Cookie")).anyMatch(c -> c.startsWith("tracker_optout=1"));

        HttpResponse<byte[]> optedOut = tracker.get("/i?cid=opted-out", "Cookie", "tracker_optout=1; tid=" + userId);
        assertThat(optedOut.statusCode()).isEqualTo(200);
        assertThat(optedOut.headers().firstValue("Set-Cookie")).isEmpty();
        JsonNode anonymous = events.await("impression", e -> "opted-out".equals(e.at("/dimensions/cid").asText()),
                Duration.ofSeconds(2));
        assertThat(anonymous.at("/dimensions/uid").isMissingNode()).isTrue();

        HttpResponse<byte[]> gpc = tracker.get("/i?cid=gpc", "Sec-GPC", "1");
        assertThat(gpc.headers().firstValue("Set-Cookie")).isEmpty();
    }

    private void awaitStatus(String pathAndQuery, int status, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos() + 500_000_000L; // + the time to write the file
        int last;
        do {
            last = tracker.get(pathAndQuery).statusCode();
            if (last == status) {
                return;
            }
            Thread.sleep(50);
        } while (System.nanoTime() < deadline);
        throw new AssertionError(pathAndQuery + " answered " + last + ", not " + status + " within " + timeout
                + ":\n" + tracker.log());
    }
}

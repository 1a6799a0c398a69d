package io.tracker.collector.banker.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The test banker holds to docs/banker-api.yaml: raw HTTP against it, no collector involved. */
class TestBankerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String KEY_A = "a".repeat(64);
    private static final String KEY_B = "b".repeat(64);

    @TempDir
    Path state;

    private TestBanker banker;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() throws IOException {
        banker = TestBanker.start(state);
    }

    @AfterEach
    void stop() {
        banker.close();
    }

    @Test
    void appliesAReport() throws Exception {
        HttpResponse<String> response = post(KEY_A, report("e1", 2500, "e2", 350000));

        assertThat(response.statusCode()).isEqualTo(201);
        JsonNode answer = JSON.readTree(response.body());
        assertThat(answer.get("replayed").booleanValue()).isFalse();
        assertThat(answer.get("events_applied").longValue()).isEqualTo(2);
        assertThat(answer.get("lines").get(0).get("amount_applied_micros").longValue()).isEqualTo(352_500);
        assertThat(banker.ledger().total("acme", "c1", "l1", "USD")).isEqualTo(352_500);
    }

    @Test
    void theSameKeyWithTheSameBodyIsReplayedAndCountsNothing() throws Exception {
        String first = post(KEY_A, report("e1", 2500, "e2", 350000)).body();
        // the same JSON value: other whitespace and member order
        String sameValue = "{ \"lines\": [ {\"events\":[{\"amount_micros\":2500,\"time\":\"2026-11-28T10:15:30Z\","
                + "\"id\":\"e1\",\"type\":\"impression\"},{\"type\":\"impression\",\"id\":\"e2\",\"time\":"
                + "\"2026-11-28T10:15:30Z\",\"amount_micros\":350000}],\"amount_micros\":352500,\"currency\":\"USD\","
                + "\"line_item\":\"l1\",\"campaign\":\"c1\",\"account\":\"acme\"} ], \"source\": \"test\" }";

        HttpResponse<String> again = post(KEY_A, sameValue);

        assertThat(again.statusCode()).isEqualTo(200);
        JsonNode replayed = JSON.readTree(again.body());
        assertThat(replayed.get("replayed").booleanValue()).isTrue();
        assertThat(((ObjectNode) replayed).put("replayed", false))
                .isEqualTo(JSON.readTree(first));
        assertThat(banker.ledger().total("acme", "c1", "l1", "USD")).isEqualTo(352_500);
    }

    @Test
    void theSameKeyWithAnotherBodyIsAConflict() throws Exception {
        post(KEY_A, report("e1", 2500));

        HttpResponse<String> response = post(KEY_A, report("e1", 2501));

        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(JSON.readTree(response.body()).get("error").textValue()).isEqualTo("key_conflict");
        assertThat(banker.ledger().total("acme", "c1", "l1", "USD")).isEqualTo(2_500);
    }

    @Test
    void anEventCountedBeforeAddsNothingUnderAnotherKey() throws Exception {
        post(KEY_A, report("e1", 2500, "e2", 2500));

        JsonNode answer = JSON.readTree(post(KEY_B, report("e2", 2500, "e3", 2500)).body());

        assertThat(answer.get("events_applied").longValue()).isEqualTo(1);
        assertThat(answer.get("events_duplicate").longValue()).isEqualTo(1);
        assertThat(banker.ledger().total("acme", "c1", "l1", "USD")).isEqualTo(7_500);
        assertThat(banker.ledger().countedEvents()).isEqualTo(3);
    }

    @Test
    void refusesInvalidReportsAndAppliesNothing() throws Exception {
        String valid = report("e1", 2500);
        assertRefused(null, valid, "invalid_idempotency_key");
        assertRefused("short", valid, "invalid_idempotency_key");
        assertRefused(KEY_A, "{not json", "invalid_request");
        assertRefused(KEY_A, valid + " {}", "invalid_request");
        assertRefused(KEY_A, "{\"source\":\"t\",\"source\":\"t\",\"lines\":[]}", "invalid_request");
        assertRefused(KEY_A, "{\"source\":\"t\",\"lines\":[]}", "$.lines: 0 items, at least 1 expected");
        assertRefused(KEY_A, valid.replace("\"source\":\"test\",", ""), "'source' is required");
        assertRefused(KEY_A, valid.replace("\"source\":\"test\"", "\"source\":\"test\",\"x\":1"), "unknown property 'x'");
        assertRefused(KEY_A, valid.replace(":2500", ":2500.0"), "expected an integer");
        assertRefused(KEY_A, valid.replace(":2500", ":-2500"), "is below 0");
        assertRefused(KEY_A, valid.replace("\"amount_micros\":2500}", "\"amount_micros\":10000000000001}"),
                "is above 10000000000000");
        assertRefused(KEY_A, valid.replace("USD", "usd"), "does not match");
        assertRefused(KEY_A, valid.replace("2026-11-28T10:15:30Z", "yesterday"), "not an RFC 3339 date-time");
        assertRefused(KEY_A, valid.replace("\"acme\"", "\"\""), "0 characters, at least 1 expected");
        assertRefused(KEY_A, report("e1", 2500).replace("\"amount_micros\":2500,\"events\"",
                "\"amount_micros\":2501,\"events\""), "is not the sum of its events");
        assertRefused(KEY_A, report("e1", 2500, "e1", 2500), "appears twice in the report");
        String line = report("e1", 1).replaceAll("^\\{\"source\":\"test\",\"lines\":\\[(.*)\\]\\}$", "$1");
        assertRefused(KEY_A, "{\"source\":\"test\",\"lines\":[" + line + "," + line.replace("e1", "e2") + "]}",
                "a second line for the same account");

        assertThat(banker.ledger().countedEvents()).isZero();
        assertThat(banker.ledger().appliedKeys()).isZero();
    }

    @Test
    void answersTheOtherErrorsOfTheContract() throws Exception {
        String valid = report("e1", 2500);
        assertThat(send(HttpRequest.newBuilder(banker.endpoint()).header("Idempotency-Key", KEY_A)
                .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString(valid))).statusCode())
                .isEqualTo(415);
        assertThat(send(HttpRequest.newBuilder(banker.endpoint()).GET()).statusCode()).isEqualTo(405);
        assertThat(send(HttpRequest.newBuilder(URI.create(banker.url() + "/v2/spend"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(valid)))
                .statusCode()).isEqualTo(404);

        banker.requireToken("s3cret");
        assertThat(post(KEY_A, valid).statusCode()).isEqualTo(401);
        assertThat(send(request(KEY_A, valid).header("Authorization", "Bearer s3cret")).statusCode()).isEqualTo(201);
    }

    @Test
    void whenDownItAnswers503WithRetryAfterAndAppliesNothing() throws Exception {
        banker.goDown();
        HttpResponse<String> response = post(KEY_A, report("e1", 2500));

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(banker.ledger().countedEvents()).isZero();

        banker.comeUp();
        assertThat(post(KEY_A, report("e1", 2500)).statusCode()).isEqualTo(201);
    }

    @Test
    void aRestartKeepsTotalsKeysAndCountedEvents() throws Exception {
        post(KEY_A, report("e1", 2500, "e2", 100));

        banker.restart();

        assertThat(banker.ledger().total("acme", "c1", "l1", "USD")).isEqualTo(2_600);
        HttpResponse<String> replay = post(KEY_A, report("e1", 2500, "e2", 100));
        assertThat(replay.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(replay.body()).get("replayed").booleanValue()).isTrue();
        assertThat(JSON.readTree(post(KEY_B, report("e2", 100)).body()).get("events_duplicate").longValue()).isEqualTo(1);
        assertThat(banker.ledger().total("acme", "c1", "l1", "USD")).isEqualTo(2_600);
    }

    private void assertRefused(String key, String body, String because) throws Exception {
        HttpResponse<String> response = post(key, body);
        assertThat(response.statusCode()).as(body).isEqualTo(400);
        assertThat(response.body()).as(body).contains(because);
    }

    /** One line, acme/c1/l1/USD, of impressions given as id, amount pairs. */
    static String report(Object... idsAndAmounts) {
        StringBuilder events = new StringBuilder();
        long sum = 0;
        for (int i = 0; i < idsAndAmounts.length; i += 2) {
            long amount = ((Number) idsAndAmounts[i + 1]).longValue();
            sum += amount;
            events.append(events.length() == 0 ? "" : ",").append("{\"type\":\"impression\",\"id\":\"")
                    .append(idsAndAmounts[i]).append("\",\"time\":\"2026-11-28T10:15:30Z\",\"amount_micros\":")
                    .append(amount).append('}');
        }
        return "{\"source\":\"test\",\"lines\":[{\"account\":\"acme\",\"campaign\":\"c1\",\"line_item\":\"l1\","
                + "\"currency\":\"USD\",\"amount_micros\":" + sum + ",\"events\":[" + events + "]}]}";
    }

    private HttpResponse<String> post(String key, String body) throws Exception {
        return send(request(key, body));
    }

    private HttpRequest.Builder request(String key, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(banker.endpoint()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        return key == null ? request : request.header("Idempotency-Key", key);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}

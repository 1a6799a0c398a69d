package io.tracker.collector.banker.internal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends one report to banker's {@code POST /v1/spend} and reads the status as docs/banker-api.yaml defines
 * it: 2xx booked (applied now, or replayed); anything else throws, because the only safe answer to a
 * report banker did not take is to keep its events in the journal and send them again.
 *
 * <p>Thread-safe ({@link HttpClient} is); the collector calls it from its one dispatcher thread.
 */
final class BankerClient {

    private static final Logger LOG = LoggerFactory.getLogger(BankerClient.class);
    private static final int MAX_LOGGED_BODY_CHARS = 2000;

    private final String name;
    private final URI endpoint;
    private final Duration requestTimeout;
    private final String authorization;
    private final HttpClient http;

    BankerClient(BankerSettings settings, HttpClient http) {
        this.name = settings.name();
        this.endpoint = settings.endpoint();
        this.requestTimeout = settings.requestTimeout();
        this.authorization = settings.authToken().isEmpty() ? null : "Bearer " + settings.authToken();
        this.http = http;
    }

    /**
     * @throws BankerException      for any answer but 2xx: 409 (key taken by another body), 429 and 5xx
     *                              (banker busy or down), 4xx (a bug or a misconfiguration, logged with the body)
     * @throws IOException          if banker could not be reached or did not answer within the timeout
     * @throws InterruptedException if the dispatcher thread was interrupted (the collector is being stopped)
     */
    BankerResponse post(String idempotencyKey, byte[] body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint)
                .timeout(requestTimeout)
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", idempotencyKey)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        HttpResponse<byte[]> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new IOException("banker at " + endpoint + " did not answer report " + idempotencyKey + ": " + e, e);
        }
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return booked(idempotencyKey, response.body());
        }
        String answer = excerpt(response.body());
        if (status == 429 || status >= 500) {
            String retryAfter = response.headers().firstValue("Retry-After").map(s -> ", Retry-After " + s).orElse("");
            throw new BankerException(status, "banker is unavailable: " + status + retryAfter + " for report "
                    + idempotencyKey + ": " + answer);
        }
        if (status == 409) {
            throw new BankerException(status, "banker holds key " + idempotencyKey + " for another report: " + answer);
        }
        // 400, 401, 403, 404, 413, a redirect: retrying will not help until someone fixes it, and dropping the
        // spend is never right; so the batch waits in the journal, and the log says why
        LOG.error("Banker collector '{}': banker refused report {} with {}: {}. The events stay in the journal and "
                + "are sent again until this is fixed", name, idempotencyKey, status, answer);
        throw new BankerException(status, "banker refused report " + idempotencyKey + " with " + status + ": " + answer);
    }

    private BankerResponse booked(String idempotencyKey, byte[] body) {
        try {
            return BankerResponse.parse(body);
        } catch (IOException e) {
            LOG.warn("Banker collector '{}': banker booked report {} but its answer is unreadable: {}", name,
                    idempotencyKey, e.toString());
            return BankerResponse.UNKNOWN;
        }
    }

    private static String excerpt(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8);
        return text.length() <= MAX_LOGGED_BODY_CHARS ? text : text.substring(0, MAX_LOGGED_BODY_CHARS) + "...";
    }
}

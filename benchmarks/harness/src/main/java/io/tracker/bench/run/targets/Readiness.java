package io.tracker.bench.run.targets;

import io.tracker.bench.load.Request;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * Waits until a target answers each probe request with 2xx or 3xx. For the tracker, answering on its
 * port is not enough: event types are applied from config/ a moment after the HTTP endpoint opens, and
 * until then a hit answers 404.
 */
public final class Readiness {

    private static final Duration POLL = Duration.ofMillis(100);

    private Readiness() {
    }

    /**
     * @param alive false once the target's process is gone: no point waiting any longer
     * @return events the target acknowledged for the probes
     */
    public static long await(String target, URI base, List<Request> probes, Duration limit, BooleanSupplier alive)
            throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + limit.toNanos();
        long events = 0;
        for (Request probe : probes) {
            String last = "no answer";
            while (true) {
                if (!alive.getAsBoolean()) {
                    throw new IOException(target + " exited while starting; last probe: " + last);
                }
                if (System.nanoTime() > deadline) {
                    throw new IOException(target + " did not answer " + probe.method() + " " + probe.pathAndQuery()
                            + " with 2xx/3xx within " + limit.toSeconds() + " s; last: " + last);
                }
                try {
                    int status = client.send(request(base, probe), HttpResponse.BodyHandlers.discarding()).statusCode();
                    if (status >= 200 && status < 400) {
                        events += probe.events();
                        break;
                    }
                    last = "status " + status;
                } catch (IOException e) {
                    last = e.toString();
                }
                Thread.sleep(POLL.toMillis());
            }
        }
        return events;
    }

    private static HttpRequest request(URI base, Request probe) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(base.resolve(probe.pathAndQuery()))
                .timeout(Duration.ofSeconds(5))
                .method(probe.method(), probe.body().length == 0 ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(probe.body()));
        for (Map.Entry<String, String> header : probe.headers().entrySet()) {
            builder.header(header.getKey(), header.getValue());
        }
        return builder.build();
    }
}

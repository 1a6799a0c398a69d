package io.tracker.bench.run.wrk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tracker.bench.load.Request;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real wrk, with a generated scenario script, against a small Jetty server that counts what it gets. */
class WrkTest {

    private static final Map<String, AtomicLong> HITS = new ConcurrentHashMap<>();
    private static final Map<String, String> LAST_SEEN = new ConcurrentHashMap<>();
    private static Server server;
    private static URI base;

    @TempDir
    Path dir;

    @BeforeAll
    static void startServer() throws Exception {
        server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        server.addConnector(connector);
        server.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(org.eclipse.jetty.server.Request request, Response response, Callback callback)
                    throws Exception {
                String path = request.getHttpURI().getPath();
                HITS.computeIfAbsent(path, p -> new AtomicLong()).incrementAndGet();
                String body = Content.Source.asString(request, StandardCharsets.UTF_8);
                LAST_SEEN.put(path, request.getMethod() + " " + request.getHttpURI().getPathQuery() + " ua="
                        + request.getHeaders().get(HttpHeader.USER_AGENT) + " type="
                        + request.getHeaders().get(HttpHeader.CONTENT_TYPE) + " body=" + body);
                switch (path) {
                    case "/redirect" -> {
                        response.setStatus(302);
                        response.getHeaders().put(HttpHeader.LOCATION, "https://example.com/");
                    }
                    case "/fail" -> response.setStatus(503);
                    default -> response.setStatus(200);
                }
                response.getHeaders().put(HttpHeader.CONTENT_LENGTH, 0);
                callback.succeeded();
                return true;
            }
        });
        server.start();
        base = URI.create("http://127.0.0.1:" + connector.getLocalPort() + "/");
    }

    @AfterAll
    static void stopServer() throws Exception {
        server.stop();
    }

    @Test
    void sendsTheRotationAndCountsAnswersAbove399AsErrors() throws Exception {
        Map<String, String> browser = Map.of("User-Agent", "Mozilla/5.0 test");
        List<Request> requests = List.of(
                new Request("GET", "/ok?cid=1", browser, new byte[0], 6, 1),
                new Request("GET", "/redirect?url=x", browser, new byte[0], 2, 1),
                new Request("POST", "/fail", Map.of("Content-Type", "application/json"),
                        "{\"order\":\"o-1\"}".getBytes(StandardCharsets.UTF_8), 2, 1));
        Path script = WrkScript.write(requests, dir.resolve("mix.lua"));

        WrkResult result = new Wrk(2, 8, Duration.ofSeconds(5)).run(base, script, Duration.ofSeconds(1),
                dir.resolve("wrk.txt"));

        long ok = HITS.get("/ok").get();
        long redirects = HITS.get("/redirect").get();
        long failures = HITS.get("/fail").get();
        long received = ok + redirects + failures;
        assertThat(result.requests()).isGreaterThan(100);
        // the server may have taken a request whose answer wrk no longer waited for (one per connection)
        assertThat(received).isBetween(result.requests(), result.requests() + 8);
        assertThat((double) ok / received).isBetween(0.55, 0.65);
        assertThat((double) redirects / received).isBetween(0.15, 0.25);
        assertThat(result.statusErrors()).isBetween(failures - 8, failures); // a 302 is no error, a 503 is
        assertThat(result.succeeded()).isEqualTo(result.requests() - result.statusErrors());
        assertThat(result.errors()).isEqualTo(result.statusErrors());
        assertThat(result.seconds()).isBetween(0.9, 2.0);
        assertThat(result.p50Micros()).isPositive().isLessThanOrEqualTo(result.p99Micros());
        assertThat(result.p99Micros()).isLessThanOrEqualTo(result.maxMicros());
        assertThat(LAST_SEEN.get("/ok")).isEqualTo("GET /ok?cid=1 ua=Mozilla/5.0 test type=null body=");
        assertThat(LAST_SEEN.get("/fail")).isEqualTo("POST /fail ua=null type=application/json body={\"order\":\"o-1\"}");
    }

    @Test
    void aTargetThatDoesNotListenFailsTheRun() throws Exception {
        int closedPort;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Path script = WrkScript.write(List.of(new Request("GET", "/", Map.of(), new byte[0], 1, 1)),
                dir.resolve("one.lua"));
        Wrk wrk = new Wrk(1, 2, Duration.ofSeconds(1));

        // wrk tries one connection before it starts and exits 1 when it fails
        assertThatThrownBy(() -> wrk.run(URI.create("http://127.0.0.1:" + closedPort + "/"), script,
                Duration.ofSeconds(1), dir.resolve("refused.txt")))
                .isInstanceOf(java.io.IOException.class).hasMessageContaining("wrk exited with 1")
                .hasMessageContaining("Connection refused");
    }
}

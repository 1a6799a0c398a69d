package io.tracker.ingestion.internal.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@link HttpServer} on a real socket, port 0, asked with the JDK's HTTP client. */
class HttpServerTest {

    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private HttpServer server;

    @AfterEach
    void stopServer() throws Exception {
        if (server != null) {
            server.stop();
        }
    }

    @Test
    void servesTheHandlerOnAFreePortWhenPortIsZero() throws Exception {
        server = new HttpServer(settings(200, 8192), new Hello());
        server.start();

        assertThat(server.port()).isPositive();
        HttpResponse<String> response = get("/hello");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("hello /hello");
    }

    @Test
    void answers404ForRequestsTheHandlerDoesNotHandle() throws Exception {
        server = new HttpServer(settings(200, 8192), new Hello());
        server.start();

        assertThat(get("/elsewhere").statusCode()).isEqualTo(404);
    }

    @Test
    void doesNotAdvertiseTheServerSoftware() throws Exception {
        server = new HttpServer(settings(200, 8192), new Hello());
        server.start();

        HttpResponse<String> response = get("/hello");
        assertThat(response.headers().firstValue("Server")).isEmpty();
        assertThat(response.headers().firstValue("X-Powered-By")).isEmpty();
    }

    @Test
    void answers431ForHeadersLargerThanTheLimit() throws Exception {
        server = new HttpServer(settings(200, 1024), new Hello());
        server.start();

        HttpRequest tooLarge = HttpRequest.newBuilder(uri("/hello"))
                .header("X-Padding", "p".repeat(2048))
                .timeout(Duration.ofSeconds(5))
                .build();
        assertThat(CLIENT.send(tooLarge, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(431);
    }

    @Test
    void startsWithTheSmallestThreadPoolTheSettingsAllow() throws Exception {
        server = new HttpServer(settings(8, 8192), new Hello());
        server.start();

        assertThat(get("/hello").statusCode()).isEqualTo(200);
    }

    @Test
    void stopClosesThePort() throws Exception {
        server = new HttpServer(settings(200, 8192), new Hello());
        server.start();
        URI uri = uri("/hello");
        assertThat(get("/hello").statusCode()).isEqualTo(200);

        server.stop();

        HttpClient fresh = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        assertThatThrownBy(() -> fresh.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(IOException.class);
    }

    private static HttpServerSettings settings(int maxThreads, int maxHeaderBytes) {
        return new HttpServerSettings("127.0.0.1", 0, 30_000, maxThreads, maxHeaderBytes, 1_000);
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }

    private HttpResponse<String> get(String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(5)).build();
        return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** Answers "hello &lt;path&gt;" on /hello, leaves everything else unhandled. */
    private static final class Hello extends Handler.Abstract.NonBlocking {
        @Override
        public boolean handle(Request request, Response response, Callback callback) {
            String path = Request.getPathInContext(request);
            if (!path.equals("/hello")) {
                return false;
            }
            response.write(true, StandardCharsets.UTF_8.encode("hello " + path), callback);
            return true;
        }
    }
}

package io.tracker.ingestion.internal.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
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

/**
 * {@link HttpServer} on a real socket, port 0, asked with the JDK's HTTP client.
 *
 * <p>Most tests use a stop timeout of 0 (stop at once): with a graceful stop timeout, Jetty waits for the
 * client's idle keep-alive connection to be closed, which takes its shutdown idle timeout (about 1 s).
 */
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
        server = start(settings(200, 8192, 0));

        assertThat(server.port()).isBetween(1, 65535);
        HttpResponse<String> response = get("/hello");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("hello /hello");
    }

    @Test
    void answers404ForRequestsTheHandlerDoesNotHandle() throws Exception {
        server = start(settings(200, 8192, 0));

        assertThat(get("/elsewhere").statusCode()).isEqualTo(404);
    }

    @Test
    void doesNotAdvertiseTheServerSoftware() throws Exception {
        server = start(settings(200, 8192, 0));

        HttpResponse<String> response = get("/hello");
        assertThat(response.headers().firstValue("Server")).isEmpty();
        assertThat(response.headers().firstValue("X-Powered-By")).isEmpty();
    }

    @Test
    void answers431ForHeadersLargerThanTheConfiguredLimit() throws Exception {
        server = start(settings(200, 1024, 0));

        HttpRequest tooLarge = HttpRequest.newBuilder(uri("/hello"))
                .header("X-Padding", "p".repeat(2048))
                .timeout(Duration.ofSeconds(5))
                .build();
        assertThat(CLIENT.send(tooLarge, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(431);
    }

    @Test
    void startsAndServesWithTheSmallestThreadPoolTheSettingsAllow() throws Exception {
        server = start(settings(8, 8192, 0));

        assertThat(get("/hello").statusCode()).isEqualTo(200);
    }

    @Test
    void stopClosesThePort() throws Exception {
        server = start(settings(200, 8192, 0));
        URI uri = uri("/hello");
        assertThat(get("/hello").statusCode()).isEqualTo(200);

        server.stop();

        HttpClient fresh = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        assertThatThrownBy(() -> fresh.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(IOException.class);
    }

    @Test
    void gracefulStopSucceedsWhileAClientHoldsAnIdleKeepAliveConnection() throws Exception {
        server = start(settings(200, 8192, 5_000)); // the configured default
        try (Socket keepAlive = openIdleKeepAliveConnection()) {
            assertThatCode(server::stop).doesNotThrowAnyException();
        }
    }

    @Test
    void shortGracefulStopSucceedsWhileAClientHoldsAnIdleKeepAliveConnection() throws Exception {
        server = start(settings(200, 8192, 200));
        try (Socket keepAlive = openIdleKeepAliveConnection()) {
            assertThatCode(server::stop).doesNotThrowAnyException();
        }
    }

    @Test
    void seesTheForwardedClientOnlyWhenForwardingIsTrusted() throws Exception {
        server = new HttpServer(new HttpServerSettings("127.0.0.1", 0, 30_000, 200, 8192, 0, true), new Hello());
        server.start();

        assertThat(get("/hello?who", "X-Forwarded-For", "203.0.113.9").body()).isEqualTo("hello /hello 203.0.113.9");
        assertThat(get("/hello?who", "Forwarded", "for=198.51.100.7").body()).isEqualTo("hello /hello 198.51.100.7");
        assertThat(get("/hello?who").body()).isEqualTo("hello /hello 127.0.0.1");
    }

    @Test
    void ignoresForwardingHeadersUnlessTrusted() throws Exception {
        server = start(settings(200, 8192, 0));

        assertThat(get("/hello?who", "X-Forwarded-For", "203.0.113.9").body()).isEqualTo("hello /hello 127.0.0.1");
        assertThat(get("/hello?who", "Forwarded", "for=198.51.100.7").body()).isEqualTo("hello /hello 127.0.0.1");
    }

    /** A raw connection that got its answer and stays open, idle, as browsers keep them. */
    private Socket openIdleKeepAliveConnection() throws IOException {
        Socket socket = new Socket("127.0.0.1", server.port());
        socket.setSoTimeout(5_000);
        socket.getOutputStream().write("GET /hello HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        InputStream in = socket.getInputStream();
        String answer = new String(in.readNBytes(17), StandardCharsets.US_ASCII);
        assertThat(answer).isEqualTo("HTTP/1.1 200 OK\r\n");
        return socket;
    }

    private static HttpServer start(HttpServerSettings settings) throws Exception {
        HttpServer started = new HttpServer(settings, new Hello());
        started.start();
        return started;
    }

    private static HttpServerSettings settings(int maxThreads, int maxHeaderBytes, long stopTimeoutMs) {
        return new HttpServerSettings("127.0.0.1", 0, 30_000, maxThreads, maxHeaderBytes, stopTimeoutMs);
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }

    private HttpResponse<String> get(String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(5));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Answers "hello &lt;path&gt;" on /hello (with the client address if asked {@code ?who}), nothing else. */
    private static final class Hello extends Handler.Abstract.NonBlocking {
        @Override
        public boolean handle(Request request, Response response, Callback callback) {
            String path = Request.getPathInContext(request);
            if (!path.equals("/hello")) {
                return false;
            }
            String who = "who".equals(request.getHttpURI().getQuery()) ? " " + Request.getRemoteAddr(request) : "";
            response.write(true, StandardCharsets.UTF_8.encode("hello " + path + who), callback);
            return true;
        }
    }
}

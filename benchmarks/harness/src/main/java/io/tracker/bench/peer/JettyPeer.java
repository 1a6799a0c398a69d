package io.tracker.bench.peer;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The JVM ceiling: the least a Jetty 12 server can do for a pixel hit and still keep it. It answers every
 * request with the 43-byte GIF and appends one JSON line per hit to a file, buffered and flushed every
 * second, as nginx's {@code access_log ... buffer=64k flush=1s} does in the nginx peer.
 *
 * <p>Usage: {@code JettyPeer <port> <log file>}. Runs until killed.
 */
public final class JettyPeer extends Handler.Abstract.NonBlocking {

    private static final ByteBuffer PIXEL = ByteBuffer.wrap(Base64.getDecoder()
            .decode("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7")).asReadOnlyBuffer();

    private final OutputStream log;

    private JettyPeer(OutputStream log) {
        this.log = log;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws IOException {
        String line = "{\"time\":\"" + Instant.now() + "\",\"uri\":\"" + request.getHttpURI().getPathQuery()
                + "\",\"ip\":\"" + Request.getRemoteAddr(request) + "\",\"ua\":\""
                + request.getHeaders().get(HttpHeader.USER_AGENT) + "\"}\n";
        append(line.getBytes(StandardCharsets.UTF_8));
        response.setStatus(200);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "image/gif");
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, PIXEL.remaining());
        response.write(true, PIXEL.slice(), callback);
        return true;
    }

    private void append(byte[] line) throws IOException {
        synchronized (log) {
            log.write(line);
        }
    }

    private void flush() {
        synchronized (log) {
            try {
                log.flush();
            } catch (IOException e) {
                System.err.println("jetty-peer: cannot write the log: " + e);
            }
        }
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: JettyPeer <port> <log file>");
            System.exit(2);
        }
        Path file = Path.of(args[1]);
        Files.createDirectories(file.toAbsolutePath().getParent());
        JettyPeer peer = new JettyPeer(new BufferedOutputStream(Files.newOutputStream(file), 64 * 1024));

        ScheduledExecutorService flusher = Executors.newSingleThreadScheduledExecutor();
        flusher.scheduleWithFixedDelay(peer::flush, 1, 1, TimeUnit.SECONDS);

        Server server = new Server(new QueuedThreadPool(200, 8));
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setHost("127.0.0.1");
        connector.setPort(Integer.parseInt(args[0]));
        server.addConnector(connector);
        server.setHandler(peer);
        Runtime.getRuntime().addShutdownHook(new Thread(peer::flush));
        server.start();
        System.out.println("jetty-peer listening on " + connector.getLocalPort());
        server.join();
    }
}

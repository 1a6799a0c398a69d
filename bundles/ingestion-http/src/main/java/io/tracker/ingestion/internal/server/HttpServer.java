package io.tracker.ingestion.internal.server;

import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.server.ForwardedRequestCustomizer;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * A Jetty server with one HTTP/1.1 connector around a handler. On stop it stops accepting, lets requests
 * in flight finish (up to the stop timeout), then closes connections.
 */
public final class HttpServer {

    private final Server server;
    private final ServerConnector connector;

    public HttpServer(HttpServerSettings settings, Handler handler) {
        QueuedThreadPool threads = new QueuedThreadPool(settings.maxThreads(), Math.min(8, settings.maxThreads()));
        threads.setName("tracker-http");
        server = new Server(threads);

        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        http.setRequestHeaderSize(settings.maxRequestHeaderBytes());
        if (settings.forwarded()) {
            http.addCustomizer(new ForwardedRequestCustomizer());
        }
        connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setHost(settings.host());
        connector.setPort(settings.port());
        connector.setIdleTimeout(settings.idleTimeoutMs());
        // idle keep-alive connections hold no request: close them at once on stop instead of after Jetty's
        // default second, which would outlast a short stop timeout and fail the graceful stop
        connector.setShutdownIdleTimeout(Math.min(1000, settings.stopTimeoutMs() / 4));
        server.addConnector(connector);

        GracefulHandler graceful = new GracefulHandler(handler);
        server.setHandler(graceful);
        server.setStopTimeout(settings.stopTimeoutMs());
        server.setStopAtShutdown(false); // the OSGi runtime owns the shutdown order
    }

    public void start() throws Exception {
        server.start();
    }

    /**
     * Stops gracefully: waits up to the stop timeout for requests in flight.
     *
     * @return false if requests were still in flight when the stop timeout ran out and were cut off
     */
    public boolean stop() throws Exception {
        try {
            server.stop();
            return true;
        } catch (TimeoutException e) {
            return false; // Jetty has stopped anyway; only the grace period ran out
        }
    }

    /** The port actually bound; differs from the configured one when that was 0. */
    public int port() {
        return connector.getLocalPort();
    }
}

package io.tracker.bench.load;

import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.transport.HttpClientTransportOverHTTP;
import org.eclipse.jetty.io.ClientConnector;
import org.eclipse.jetty.util.thread.Invocable;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The one HTTP/1.1 client of a run, set up to cost the machine as little as possible: it shares two cores
 * with the server under test.
 */
final class OpenLoopClient {

    private static final int MAX_THREADS = 16;

    private OpenLoopClient() {
    }

    static HttpClient start(int maxConnections) throws Exception {
        if (maxConnections <= 0) {
            throw new IllegalArgumentException("maxConnections must be positive, was " + maxConnections);
        }
        // With non-blocking completions a few threads and one selector are plenty.
        QueuedThreadPool threads = new QueuedThreadPool(MAX_THREADS, 2);
        threads.setName("open-loop-client");
        threads.setDaemon(true);
        ClientConnector connector = new ClientConnector();
        connector.setSelectors(1);
        connector.setExecutor(threads);

        HttpClientTransportOverHTTP transport = new HttpClientTransportOverHTTP(connector);
        // The listeners only count and record: running them on the selector thread saves a thread hand-off
        // (a futex wake-up and a context switch) per response.
        transport.setInvocationType(Invocable.InvocationType.NON_BLOCKING);
        HttpClient client = new HttpClient(transport);
        client.setExecutor(threads);
        client.setMaxConnectionsPerDestination(maxConnections);
        // The Dispatcher keeps at most maxConnections requests in the client; its queue only bridges the moment
        // between an answer and the release of its connection.
        client.setMaxRequestsQueuedPerDestination(Math.max(1_024, maxConnections));
        client.setFollowRedirects(false);
        client.setConnectTimeout(5_000);
        client.setIdleTimeout(30_000);
        // No Accept-Encoding: responses are tiny, and decoding would only cost CPU.
        client.getContentDecoderFactories().clear();
        client.start();
        return client;
    }
}

package io.tracker.ingestion.internal.server;

/**
 * The validated settings of the HTTP server, from {@link HttpServerConfig}.
 */
public record HttpServerSettings(String host, int port, long idleTimeoutMs, int maxThreads,
                                 int maxRequestHeaderBytes, long stopTimeoutMs, boolean forwarded) {

    static final String PID = "io.tracker.http";

    public HttpServerSettings {
        require(port >= 0 && port <= 65535, "port", port, "must be between 0 and 65535");
        require(idleTimeoutMs > 0, "idle.timeout.ms", idleTimeoutMs, "must be positive");
        require(maxThreads >= 8, "threads.max", maxThreads, "must be at least 8");
        require(maxRequestHeaderBytes >= 1024, "request.header.max.bytes", maxRequestHeaderBytes,
                "must be at least 1024");
        require(stopTimeoutMs >= 0 && stopTimeoutMs <= 10_000, "stop.timeout.ms", stopTimeoutMs,
                "must be between 0 and 10000, so that the whole tracker stops within 15 s");
    }

    static HttpServerSettings from(HttpServerConfig config) {
        return new HttpServerSettings(config.host(), config.port(), config.idle_timeout_ms(), config.threads_max(),
                config.request_header_max_bytes(), config.stop_timeout_ms(), config.forwarded());
    }

    /** Without trusting forwarding headers. */
    public HttpServerSettings(String host, int port, long idleTimeoutMs, int maxThreads, int maxRequestHeaderBytes,
                              long stopTimeoutMs) {
        this(host, port, idleTimeoutMs, maxThreads, maxRequestHeaderBytes, stopTimeoutMs, false);
    }

    private static void require(boolean valid, String key, Object value, String reason) {
        if (!valid) {
            throw new IllegalArgumentException(PID + ": key '" + key + "' = '" + value + "': " + reason);
        }
    }
}

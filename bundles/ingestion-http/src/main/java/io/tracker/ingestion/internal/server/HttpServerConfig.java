package io.tracker.ingestion.internal.server;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(
        name = "Tracker HTTP server",
        description = "The HTTP endpoint hits arrive on. The shipped config/io.tracker.http.cfg sets the "
                + "port from the environment variable TRACKER_HTTP_PORT, 8080 when unset.")
public @interface HttpServerConfig {

    @AttributeDefinition(description = "Address to listen on; 0.0.0.0 for every interface.")
    String host() default "0.0.0.0";

    @AttributeDefinition(description = "TCP port, 1-65535; 0 picks a free port (tests).")
    int port() default 8080;

    @AttributeDefinition(description = "Close a connection idle this long, in milliseconds.")
    long idle_timeout_ms() default 30_000;

    @AttributeDefinition(description = "Most request-handling threads.")
    int threads_max() default 200;

    @AttributeDefinition(description = "Largest request line plus headers, in bytes; larger requests get 431.")
    int request_header_max_bytes() default 8192;

    @AttributeDefinition(description = "Trust the Forwarded and X-Forwarded-For headers for the client address "
            + "(client.ip): only behind a load balancer or proxy that sets them.")
    boolean forwarded() default false;

    @AttributeDefinition(description = "On shutdown, how long requests in flight may take to finish, in "
            + "milliseconds, 0 to 10000.")
    long stop_timeout_ms() default 5_000;
}

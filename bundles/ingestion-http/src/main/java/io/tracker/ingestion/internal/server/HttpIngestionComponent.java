package io.tracker.ingestion.internal.server;

import io.tracker.ingestion.internal.handler.OptOutHandler;
import io.tracker.ingestion.internal.handler.TrackingHandler;
import io.tracker.ingestion.internal.identity.IdentityComponent;
import org.eclipse.jetty.server.Handler;
import io.tracker.processing.spi.EventIntake;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the HTTP server while its configuration ({@code io.tracker.http}) and the processing intake are
 * present. A configuration change restarts the server with the new settings.
 */
@Component(service = {}, configurationPid = HttpServerSettings.PID, configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = HttpServerConfig.class)
public final class HttpIngestionComponent {

    private static final Logger LOG = LoggerFactory.getLogger(HttpIngestionComponent.class);

    private final HttpServer server;
    private final int port;

    @Activate
    public HttpIngestionComponent(@Reference EventIntake intake, @Reference IdentityComponent identity,
                                  HttpServerConfig config) throws Exception {
        HttpServerSettings settings = HttpServerSettings.from(config);
        server = new HttpServer(settings, new Handler.Sequence(new OptOutHandler(identity.identity()),
                new TrackingHandler(intake, identity.identity())));
        try {
            server.start();
        } catch (Exception e) {
            LOG.error("{}: cannot listen on {}:{}: {}", HttpServerSettings.PID, settings.host(), settings.port(),
                    e.toString());
            server.stop();
            throw e;
        }
        port = server.port();
        LOG.info("Tracker listening for hits on http://{}:{}", settings.host(), port);
    }

    @Deactivate
    void deactivate() throws Exception {
        if (!server.stop()) {
            LOG.warn("{}: requests still in flight after stop.timeout.ms were cut off", HttpServerSettings.PID);
        }
        LOG.info("Tracker stopped listening on port {}", port);
    }
}

package io.tracker.collector.banker.internal;

import io.tracker.api.Event;
import io.tracker.api.EventCollector;
import io.tracker.api.PluginProperties;
import java.io.IOException;
import java.net.http.HttpClient;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * OSGi glue: one banker collector per {@code io.tracker.collector.banker} factory configuration. Its
 * {@code event.types}, {@code tracker.collector.name}, {@code start.position} and {@code overflow.policy}
 * become service properties; {@code overflow.policy} defaults to {@code reject} because spend must never be
 * dropped, so a banker outage that outlasts the journal's quota stops ingestion (503) instead.
 *
 * <p>No {@code @Modified}: a changed configuration re-creates the component; the cursor, kept under the
 * name, carries over. The collector keeps no state of its own, so nothing else needs to.
 */
@Component(service = EventCollector.class, configurationPid = BankerSettings.FACTORY_PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE,
        property = {PluginProperties.COLLECTOR_NAME + "=banker",
            PluginProperties.EVENT_TYPES + "=impression,click,conversion",
            // spend in the journal before the first attach is still spend; banker's per-event dedupe makes it safe
            PluginProperties.START_POSITION + "=earliest",
            PluginProperties.OVERFLOW_POLICY + "=reject"})
@Designate(ocd = BankerConfig.class, factory = true)
public final class BankerCollector implements EventCollector {

    private static final Logger LOG = LoggerFactory.getLogger(BankerCollector.class);

    private final String name;
    private final ExecutorService httpThreads;
    private final SpendReporter reporter;

    @Activate
    public BankerCollector(BankerConfig config, Map<String, Object> properties) {
        BankerSettings settings;
        try {
            settings = BankerSettings.from(config, properties, describeSource(properties));
        } catch (IllegalArgumentException e) {
            LOG.error("Banker collector configuration rejected: {}", e.getMessage());
            throw e;
        }
        name = settings.name();
        httpThreads = Executors.newCachedThreadPool(namedDaemonThreads("banker-" + name + "-http-"));
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.connectTimeout()).followRedirects(HttpClient.Redirect.NEVER)
                .executor(httpThreads).build();
        reporter = new SpendReporter(settings, new BankerClient(settings, http));
        if (settings.dropsSpendOnOverflow()) {
            LOG.warn("Banker collector '{}' has overflow.policy = drop-oldest: a long banker outage loses spend", name);
        }
        LOG.info("Banker collector '{}' {}", name, settings);
    }

    @Override
    public void collect(List<Event> batch) throws IOException, InterruptedException {
        reporter.report(batch);
    }

    @Deactivate
    void deactivate() {
        // the dispatcher has returned from collect() or given up on it: no request of ours is still wanted. The
        // HttpClient has no close() before Java 21; its selector thread ends once the client is unreachable
        httpThreads.shutdownNow();
        LOG.info("Banker collector '{}' stopped: {}", name, reporter.summary());
    }

    SpendReporter reporter() {
        return reporter;
    }

    /** The factory PID and the configuration's file (FileInstall) or PID, for error messages. */
    static String describeSource(Map<String, ?> properties) {
        Object origin = properties.get("felix.fileinstall.filename");
        if (origin == null) {
            origin = properties.get("service.pid");
        }
        return BankerSettings.FACTORY_PID + (origin == null ? "" : " (" + origin + ")");
    }

    private static ThreadFactory namedDaemonThreads(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, prefix + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}

package io.tracker.collector.log.internal;

import io.tracker.api.Event;
import io.tracker.api.EventCollector;
import io.tracker.api.PluginProperties;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The log collector: one instance per {@code io.tracker.collector.log} factory configuration. Its
 * {@code event.types}, {@code tracker.collector.name}, {@code start.position} and {@code overflow.policy}
 * become service properties, which is how the tracker knows what to send it and from where.
 */
@Component(service = EventCollector.class, configurationPid = LogCollector.FACTORY_PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE,
        property = {PluginProperties.COLLECTOR_NAME + "=log", PluginProperties.EVENT_TYPES + "=*",
            // a log is a record of everything: on its first attach it takes all the journal holds
            PluginProperties.START_POSITION + "=earliest"})
@Designate(ocd = LogCollectorConfig.class, factory = true)
public final class LogCollector implements EventCollector {

    static final String FACTORY_PID = "io.tracker.collector.log";
    private static final Logger LOG = LoggerFactory.getLogger(LogCollector.class);

    private final String name;
    private final JsonLinesWriter writer;

    @Activate
    public LogCollector(LogCollectorConfig config) throws IOException {
        this.name = config.tracker_collector_name();
        LogFileSettings settings = settings(config);
        this.writer = new JsonLinesWriter(settings, Clock.systemUTC());
        LOG.info("Log collector '{}' writes event types [{}] to {}/{}", name, config.event_types(),
                settings.directory(), settings.filePattern());
    }

    @Override
    public void collect(List<Event> batch) throws IOException {
        writer.write(batch);
    }

    @Deactivate
    void deactivate() throws IOException {
        writer.close();
        LOG.info("Log collector '{}' closed its files ({} redelivered events recognised and not written twice)",
                name, writer.duplicatesSkipped());
    }

    static LogFileSettings settings(LogCollectorConfig config) {
        LogFileSettings.RollInterval interval;
        try {
            interval = LogFileSettings.RollInterval.valueOf(config.roll_interval().trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(FACTORY_PID + ": key 'roll.interval' = '" + config.roll_interval()
                    + "': expected none, hourly or daily", e);
        }
        return new LogFileSettings(resolve(config.directory()), config.file_pattern(), config.roll_bytes(), interval,
                config.gzip(), config.fsync(), names(config.fields_include()), names(config.fields_exclude()),
                config.node() == null || config.node().isBlank() ? hostName() : config.node().trim());
    }

    private static Set<String> names(String list) {
        if (list == null || list.isBlank()) {
            return Set.of();
        }
        return Arrays.stream(list.split(",")).map(String::trim).filter(s -> !s.isEmpty()).collect(Collectors.toSet());
    }

    private static String hostName() {
        try {
            String host = InetAddress.getLocalHost().getHostName();
            return host.matches("[A-Za-z0-9._-]{1,64}") ? host : "node";
        } catch (UnknownHostException e) {
            return "node"; // no resolvable host name (containers): {node} is then configured explicitly
        }
    }

    /** Relative directories are under the tracker's home, not wherever the JVM was started from. */
    private static Path resolve(String directory) {
        Path path = Paths.get(directory);
        String home = System.getProperty("tracker.home");
        return path.isAbsolute() || home == null ? path : Paths.get(home).resolve(path);
    }
}

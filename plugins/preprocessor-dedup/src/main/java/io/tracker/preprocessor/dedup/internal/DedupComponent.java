package io.tracker.preprocessor.dedup.internal;

import io.tracker.api.Event;
import io.tracker.api.EventPreprocessor;
import io.tracker.api.PluginProperties;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * OSGi glue: one dedup preprocessor per {@code io.tracker.preprocessor.dedup} factory configuration,
 * registered under its {@code tracker.preprocessor.name}.
 *
 * <p>No {@code @Modified}: a changed configuration re-creates the component, so its service is registered
 * again with the new properties (the name included); the remembered ids start empty then.
 */
@Component(service = EventPreprocessor.class, configurationPid = DedupSettings.FACTORY_PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE,
        property = PluginProperties.PREPROCESSOR_NAME + "=dedup")
@Designate(ocd = DedupConfig.class, factory = true)
public final class DedupComponent implements EventPreprocessor {

    private static final Logger LOG = LoggerFactory.getLogger(DedupComponent.class);

    private final String name;
    private final DedupPreprocessor preprocessor;

    @Activate
    public DedupComponent(DedupConfig config, Map<String, Object> properties) {
        DedupSettings settings;
        try {
            settings = DedupSettings.from(config, describeSource(properties));
        } catch (IllegalArgumentException e) {
            LOG.error("Dedup preprocessor configuration rejected: {}", e.getMessage());
            throw e;
        }
        name = settings.name();
        // nanoTime, not currentTimeMillis: a wall clock set back would keep ids longer, set forward forget them
        preprocessor = new DedupPreprocessor(settings, () -> System.nanoTime() / 1_000_000L);
        LOG.info("Dedup preprocessor '{}' active: {}", name, settings);
    }

    @Override
    public Event process(Event event) {
        return preprocessor.process(event);
    }

    @Deactivate
    void deactivate() {
        LOG.info("Dedup preprocessor '{}' stopped: {} repeats dropped, {} ids forgotten", name,
                preprocessor.droppedCount(), preprocessor.rememberedCount());
    }

    /** The factory PID and the configuration's file (FileInstall) or PID, for error messages. */
    static String describeSource(Map<String, ?> properties) {
        Object origin = properties.get("felix.fileinstall.filename");
        if (origin == null) {
            origin = properties.get("service.pid");
        }
        return DedupSettings.FACTORY_PID + (origin == null ? "" : " (" + origin + ")");
    }
}

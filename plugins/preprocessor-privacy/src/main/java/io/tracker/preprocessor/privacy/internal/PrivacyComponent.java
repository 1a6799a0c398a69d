package io.tracker.preprocessor.privacy.internal;

import io.tracker.api.Event;
import io.tracker.api.EventPreprocessor;
import io.tracker.api.PluginProperties;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * OSGi glue: one privacy preprocessor per {@code io.tracker.preprocessor.privacy} factory configuration,
 * registered under its {@code tracker.preprocessor.name}.
 *
 * <p>No {@code @Modified}: a changed configuration re-creates the component, so its service is registered
 * again with the new properties (the name included) and the tracker holds hits for it meanwhile.
 */
@Component(service = EventPreprocessor.class, configurationPid = PrivacySettings.FACTORY_PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE,
        property = PluginProperties.PREPROCESSOR_NAME + "=privacy")
@Designate(ocd = PrivacyConfig.class, factory = true)
public final class PrivacyComponent implements EventPreprocessor {

    private static final Logger LOG = LoggerFactory.getLogger(PrivacyComponent.class);

    private final PrivacyPreprocessor preprocessor;

    @Activate
    public PrivacyComponent(PrivacyConfig config, Map<String, Object> properties) {
        PrivacySettings settings;
        try {
            settings = PrivacySettings.from(config, describeSource(properties));
        } catch (IllegalArgumentException e) {
            LOG.error("Privacy preprocessor configuration rejected: {}", e.getMessage());
            throw e;
        }
        preprocessor = new PrivacyPreprocessor(settings);
        LOG.info("Privacy preprocessor '{}' active: {}", settings.name(), settings);
        if (settings.changesNothing()) {
            LOG.warn("Privacy preprocessor '{}' has no dimension to anonymise, hash or drop", settings.name());
        }
    }

    @Override
    public Event process(Event event) {
        return preprocessor.process(event);
    }

    /** The factory PID and the configuration's file (FileInstall) or PID, for error messages. */
    static String describeSource(Map<String, ?> properties) {
        Object origin = properties.get("felix.fileinstall.filename");
        if (origin == null) {
            origin = properties.get("service.pid");
        }
        return PrivacySettings.FACTORY_PID + (origin == null ? "" : " (" + origin + ")");
    }
}

package io.tracker.preprocessor.bots.internal;

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
 * OSGi glue: one bot filter per {@code io.tracker.preprocessor.bots} factory configuration, registered under
 * its {@code tracker.preprocessor.name}. The automaton is compiled here, once, from the bundled list and the
 * configured extra patterns.
 *
 * <p>No {@code @Modified}: a changed configuration re-creates the component, so its service is registered
 * again with the new properties (the name included) and the tracker holds hits for it meanwhile.
 */
@Component(service = EventPreprocessor.class, configurationPid = BotsSettings.FACTORY_PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE,
        property = PluginProperties.PREPROCESSOR_NAME + "=bots")
@Designate(ocd = BotsConfig.class, factory = true)
public final class BotsComponent implements EventPreprocessor {

    private static final Logger LOG = LoggerFactory.getLogger(BotsComponent.class);

    private final BotFilter filter;

    @Activate
    public BotsComponent(BotsConfig config, Map<String, Object> properties) {
        BotsSettings settings;
        try {
            settings = BotsSettings.from(config, describeSource(properties));
        } catch (IllegalArgumentException e) {
            LOG.error("Bot filter configuration rejected: {}", e.getMessage());
            throw e;
        }
        BotPatterns patterns = BotPatterns.bundled().with(settings.extraPatterns());
        BotMatcher matcher = new BotMatcher(patterns.bots(), patterns.exceptions());
        filter = new BotFilter(settings, matcher);
        LOG.info("Bot filter '{}' active: {}; {} patterns and {} exceptions ({} of them extra), {} states",
                settings.name(), settings, patterns.bots().size(), patterns.exceptions().size(),
                settings.extraPatterns().bots().size() + settings.extraPatterns().exceptions().size(),
                matcher.stateCount());
    }

    @Override
    public Event process(Event event) {
        return filter.process(event);
    }

    /** The factory PID and the configuration's file (FileInstall) or PID, for error messages. */
    static String describeSource(Map<String, ?> properties) {
        Object origin = properties.get("felix.fileinstall.filename");
        if (origin == null) {
            origin = properties.get("service.pid");
        }
        return BotsSettings.FACTORY_PID + (origin == null ? "" : " (" + origin + ")");
    }
}

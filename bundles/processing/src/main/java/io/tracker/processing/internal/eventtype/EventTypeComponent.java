package io.tracker.processing.internal.eventtype;

import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One instance per {@code io.tracker.eventtype} factory configuration: parses it and keeps the
 * registry up to date. A broken change is logged with file, key and reason, and the last good
 * definition keeps serving.
 */
@Component(configurationPid = EventTypeParser.FACTORY_PID, configurationPolicy = ConfigurationPolicy.REQUIRE,
        service = {})
@Designate(ocd = EventTypeConfig.class, factory = true)
public final class EventTypeComponent {

    private static final Logger LOG = LoggerFactory.getLogger(EventTypeComponent.class);

    private final EventTypeRegistry registry;
    private final String pid;

    @Activate
    public EventTypeComponent(@Reference EventTypeRegistry registry, Map<String, Object> properties)
            throws InvalidEventTypeException {
        this.registry = registry;
        this.pid = String.valueOf(properties.get("service.pid"));
        try {
            apply(properties);
        } catch (InvalidEventTypeException e) {
            LOG.error("Event type configuration rejected: {}", e.getMessage());
            throw e;
        }
    }

    @Modified
    void modified(Map<String, Object> properties) {
        try {
            apply(properties);
        } catch (InvalidEventTypeException e) {
            // keep serving the previous definition, which is still registered under this PID
            LOG.error("Event type configuration rejected, the previous version stays active: {}", e.getMessage());
        }
    }

    @Deactivate
    void deactivate() {
        registry.unregister(pid);
        LOG.info("Event type removed ({})", pid);
    }

    private void apply(Map<String, Object> properties) throws InvalidEventTypeException {
        String source = EventTypeParser.describeSource(properties);
        EventTypeDefinition definition = EventTypeParser.parse(properties);
        registry.register(pid, definition, source);
        LOG.info("Event type '{}' serves {} {} -> {} ({})", definition.eventType(), definition.methods(),
                definition.path(), definition.response(), source);
    }
}

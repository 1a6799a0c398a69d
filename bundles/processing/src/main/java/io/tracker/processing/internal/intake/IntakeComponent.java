package io.tracker.processing.internal.intake;

import io.tracker.api.EventCollector;
import io.tracker.api.PluginProperties;
import io.tracker.processing.internal.dispatch.DispatchSettings;
import io.tracker.processing.internal.dispatch.EventTypeFilter;
import io.tracker.processing.internal.dispatch.RetryBackoff;
import io.tracker.processing.internal.event.EventFactory;
import io.tracker.processing.internal.eventtype.EventTypeRegistry;
import io.tracker.processing.spi.Acceptance;
import io.tracker.processing.spi.EventIntake;
import io.tracker.processing.spi.Hit;
import io.tracker.processing.spi.Route;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** OSGi glue around {@link Intake}: collectors come and go as services, configuration as a snapshot. */
@Component(service = EventIntake.class, configurationPid = IntakeComponent.PID)
@Designate(ocd = ProcessingConfig.class)
public final class IntakeComponent implements EventIntake {

    static final String PID = "io.tracker.processing";
    private static final Logger LOG = LoggerFactory.getLogger(IntakeComponent.class);

    private final Intake intake;
    private volatile long drainTimeoutMs;

    @Activate
    public IntakeComponent(@Reference EventTypeRegistry eventTypes, ProcessingConfig config) {
        this.intake = new Intake(eventTypes, new EventFactory(Clock.systemUTC()), settings(config));
        this.drainTimeoutMs = config.drain_timeout_ms();
    }

    @Modified
    void modified(ProcessingConfig config) {
        intake.useSettings(settings(config));
        drainTimeoutMs = config.drain_timeout_ms();
        LOG.info("{}: new dispatch settings apply to collectors attached from now on", PID);
    }

    @Deactivate
    void deactivate() {
        intake.close(drainTimeoutMs);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindCollector(EventCollector collector, Map<String, Object> properties) {
        intake.attach(collectorName(properties), collector, EventTypeFilter.of(properties.get(PluginProperties.EVENT_TYPES)));
    }

    void updatedCollector(EventCollector collector, Map<String, Object> properties) {
        intake.reattach(collector, EventTypeFilter.of(properties.get(PluginProperties.EVENT_TYPES)));
    }

    void unbindCollector(EventCollector collector) {
        intake.detach(collector, drainTimeoutMs);
    }

    @Override
    public Route route(String path) {
        return intake.route(path);
    }

    @Override
    public Acceptance accept(Route route, Hit hit) {
        return intake.accept(route, hit);
    }

    private static String collectorName(Map<String, Object> properties) {
        Object name = properties.get(PluginProperties.COLLECTOR_NAME);
        return name != null ? name.toString() : "collector-" + properties.get("service.id");
    }

    private static DispatchSettings settings(ProcessingConfig config) {
        String source = PID + ": ";
        try {
            return new DispatchSettings(config.dispatch_backlog_capacity(), config.dispatch_batch_max_size(),
                    new RetryBackoff(config.dispatch_retry_initial_ms(), config.dispatch_retry_max_ms(),
                            () -> ThreadLocalRandom.current().nextDouble()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(source + e.getMessage(), e);
        }
    }
}

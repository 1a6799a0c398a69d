package io.tracker.collector.kafka.internal;

import io.tracker.api.Event;
import io.tracker.api.EventCollector;
import io.tracker.api.PluginProperties;
import java.util.List;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * OSGi glue: one Kafka collector per {@code io.tracker.collector.kafka} factory configuration (e.g. one per
 * cluster), registered under its {@code tracker.collector.name}. Its {@code event.types}, {@code start.position}
 * and {@code overflow.policy} become service properties, which is how the tracker knows what to send it.
 *
 * <p>No {@code @Modified}: a changed configuration re-creates the component and its producer; the tracker's
 * cursor for the name carries the delivery over.
 */
@Component(service = EventCollector.class, configurationPid = KafkaSettings.FACTORY_PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE,
        property = {PluginProperties.COLLECTOR_NAME + "=" + KafkaSettings.DEFAULT_NAME,
            PluginProperties.EVENT_TYPES + "=*",
            // downstream consumers see every event from the first attach on, even those accepted before it
            PluginProperties.START_POSITION + "=earliest"})
@Designate(ocd = KafkaCollectorConfig.class, factory = true)
public final class KafkaCollector implements EventCollector {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaCollector.class);

    private final String name;
    private final KafkaDelivery delivery;

    @Activate
    public KafkaCollector(Map<String, Object> properties) {
        KafkaSettings settings = settings(properties);
        this.name = settings.name();
        // the producer is created for the first batch: nothing here waits for the network
        this.delivery = new KafkaDelivery(settings, new ProducerFactory(ProducerProperties.of(settings)));
        if (!settings.unknownProducerKeys().isEmpty()) {
            LOG.warn("Kafka collector '{}' passes producer properties Kafka does not know, check their spelling: {}",
                    name, settings.unknownProducerKeys());
        }
        LOG.info("Kafka collector '{}' sends event types [{}]: {}", name,
                eventTypes(properties.get(PluginProperties.EVENT_TYPES)), settings);
    }

    @Override
    public void collect(List<Event> batch) throws KafkaDeliveryException {
        delivery.deliver(batch);
    }

    @Deactivate
    void deactivate() {
        delivery.close();
        LOG.info("Kafka collector '{}' closed: {} events delivered, {} batches failed, {} producers used", name,
                delivery.eventsDelivered(), delivery.batchesFailed(), delivery.producersCreated());
    }

    /** Checked settings, with a compression that works here; a bad value fails activation, logged. */
    private static KafkaSettings settings(Map<String, Object> properties) {
        String source = describeSource(properties);
        try {
            // class-valued producer properties are loaded while they are checked: from this bundle
            return ContextClassLoader.withBundleLoader(
                    () -> Compressions.usable(KafkaSettings.from(properties, source), properties, source));
        } catch (IllegalArgumentException e) {
            LOG.error("Kafka collector configuration rejected: {}", e.getMessage());
            throw e;
        }
    }

    private static String eventTypes(Object value) {
        return value instanceof String[] ? String.join(",", (String[]) value) : String.valueOf(value);
    }

    /** The factory PID and the configuration's file (FileInstall) or PID, for error messages. */
    static String describeSource(Map<String, ?> properties) {
        Object origin = properties.get("felix.fileinstall.filename");
        if (origin == null) {
            origin = properties.get("service.pid");
        }
        return KafkaSettings.FACTORY_PID + (origin == null ? "" : " (" + origin + ")");
    }
}

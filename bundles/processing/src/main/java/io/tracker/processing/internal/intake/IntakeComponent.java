package io.tracker.processing.internal.intake;

import io.tracker.api.EventCollector;
import io.tracker.api.EventPreprocessor;
import io.tracker.api.PluginProperties;
import io.tracker.processing.internal.dispatch.CursorStore;
import io.tracker.processing.internal.dispatch.Deliveries;
import io.tracker.processing.internal.dispatch.EventTypeFilter;
import io.tracker.processing.internal.event.EventFactory;
import io.tracker.processing.internal.eventtype.EventTypeRegistry;
import io.tracker.processing.internal.journal.Journal;
import io.tracker.processing.internal.journal.JournalFullException;
import io.tracker.processing.internal.journal.JournalPosition;
import io.tracker.processing.internal.journal.JournalSearch;
import io.tracker.processing.internal.preprocess.PreprocessorRegistry;
import io.tracker.processing.internal.replay.Reingest;
import io.tracker.processing.spi.Outcome;
import io.tracker.processing.spi.EventIntake;
import io.tracker.processing.spi.Hit;
import io.tracker.processing.spi.Route;
import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import org.osgi.framework.ServiceReference;
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

/**
 * OSGi glue: opens the journal, runs the {@link Intake} for ingestion and the {@link Deliveries} for
 * collectors, which come and go as services.
 */
@Component(service = {EventIntake.class, CollectorConsole.class}, configurationPid = ProcessingSettings.PID)
@Designate(ocd = ProcessingConfig.class)
public final class IntakeComponent implements EventIntake, CollectorConsole {

    private static final Logger LOG = LoggerFactory.getLogger(IntakeComponent.class);

    private final ProcessingSettings settings;
    /** The latest settings: defaults for collectors attached from now on. */
    private volatile ProcessingSettings current;
    private final Journal journal;
    private final Deliveries deliveries;
    private final PreprocessorRegistry preprocessors;
    private final Intake intake;
    private volatile long drainTimeoutMs;

    @Activate
    public IntakeComponent(@Reference EventTypeRegistry eventTypes, ProcessingConfig config) throws IOException {
        settings = ProcessingSettings.from(config, home());
        deliveries = new Deliveries(new CursorStore(settings.cursorDirectory()), settings.delivery(),
                System::currentTimeMillis);
        journal = Journal.open(settings.journal(), deliveries);
        deliveries.start(journal);
        preprocessors = new PreprocessorRegistry(settings.preprocessorWaitMs());
        intake = new Intake(eventTypes, new EventFactory(Clock.systemUTC()), preprocessors, journal);
        drainTimeoutMs = settings.drainTimeoutMs();
        current = settings;
    }

    @Modified
    void modified(ProcessingConfig config) {
        ProcessingSettings changed = ProcessingSettings.from(config, home());
        deliveries.useSettings(changed.delivery());
        drainTimeoutMs = changed.drainTimeoutMs();
        current = changed;
        if (!changed.journal().equals(settings.journal())) {
            LOG.warn("{}: journal.* changes take effect at the next start", ProcessingSettings.PID);
        }
    }

    @Deactivate
    void deactivate() throws IOException {
        deliveries.close(drainTimeoutMs);
        journal.close();
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindCollector(EventCollector collector, ServiceReference<EventCollector> reference) {
        String name = String.valueOf(property(reference, PluginProperties.COLLECTOR_NAME,
                "collector-" + reference.getProperty("service.id")));
        try {
            Deliveries.CollectorOptions options = new Deliveries.CollectorOptions(
                    ProcessingSettings.parse(Deliveries.StartPosition.class, PluginProperties.START_POSITION,
                            String.valueOf(property(reference, PluginProperties.START_POSITION,
                                    current.delivery().defaultStart().name()))),
                    ProcessingSettings.parse(Deliveries.OverflowPolicy.class, PluginProperties.OVERFLOW_POLICY,
                            String.valueOf(property(reference, PluginProperties.OVERFLOW_POLICY,
                                    current.delivery().defaultOverflow().name()))));
            deliveries.attach(name, collector, version(reference),
                    EventTypeFilter.of(reference.getProperty(PluginProperties.EVENT_TYPES)), options);
        } catch (IllegalArgumentException e) {
            LOG.error("Collector '{}' not attached: {}", name, e.getMessage());
        }
    }

    void updatedCollector(EventCollector collector, ServiceReference<EventCollector> reference) {
        deliveries.reattach(collector, EventTypeFilter.of(reference.getProperty(PluginProperties.EVENT_TYPES)));
    }

    void unbindCollector(EventCollector collector) {
        deliveries.detach(collector);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, target = "(" + PluginProperties.PREPROCESSOR_NAME + "=*)")
    void bindPreprocessor(EventPreprocessor preprocessor, Map<String, Object> properties) {
        preprocessors.add(String.valueOf(properties.get(PluginProperties.PREPROCESSOR_NAME)), preprocessor);
    }

    void unbindPreprocessor(EventPreprocessor preprocessor, Map<String, Object> properties) {
        preprocessors.remove(String.valueOf(properties.get(PluginProperties.PREPROCESSOR_NAME)), preprocessor);
    }

    @Override
    public Route route(String path) {
        return intake.route(path);
    }

    @Override
    public Outcome accept(Route route, Hit hit) {
        return intake.accept(route, hit);
    }

    @Override
    public boolean mayWait(Route route) {
        return intake.mayWait(route);
    }

    @Override
    public String collectors() {
        return CollectorTable.render(deliveries.attached(), deliveries.retainedCursors(), journal.end().offset())
                + String.format("journal: offsets %d to %d, %d segments, %d bytes; hits refused: %d; invalid events: "
                        + "%d; dropped by preprocessors: %d; preprocessor failures: %d%n",
                journal.start().offset(), journal.end().offset(), journal.segmentCount(), journal.sizeBytes(),
                intake.refusedCount(), intake.invalidCount(), intake.preprocessing().droppedCount(),
                intake.preprocessing().failureCount());
    }

    @Override
    public String replay(String collector, String from) {
        try {
            return deliveries.replay(collector, position(from));
        } catch (IOException | IllegalArgumentException e) {
            return "replay refused: " + e.getMessage();
        }
    }

    @Override
    public String reingest(String path) {
        try {
            return new Reingest(journal).from(home().resolve(path)).toString();
        } catch (IOException | JournalFullException e) {
            return "re-ingestion stopped: " + e.getMessage();
        }
    }

    private JournalPosition position(String from) throws IOException {
        switch (from) {
            case "earliest":
                return journal.start();
            case "latest":
                return journal.end();
            default:
                if (from.chars().allMatch(Character::isDigit)) {
                    return JournalSearch.atOffset(journal, Long.parseLong(from));
                }
                try {
                    return JournalSearch.firstAtOrAfter(journal, Instant.parse(from));
                } catch (DateTimeParseException e) {
                    throw new IllegalArgumentException("expected earliest, latest, an offset or an ISO-8601 time such "
                            + "as 2026-11-28T10:00:00Z, got '" + from + "'");
                }
        }
    }

    private static Object property(ServiceReference<?> reference, String key, Object fallback) {
        Object value = reference.getProperty(key);
        return value == null ? fallback : value;
    }

    private static String version(ServiceReference<?> reference) {
        return reference.getBundle() == null ? "?"
                : reference.getBundle().getSymbolicName() + " " + reference.getBundle().getVersion();
    }

    /** Relative directories are under the tracker's home, not wherever the JVM was started from. */
    private static Path home() {
        return Paths.get(System.getProperty("tracker.home", "."));
    }
}

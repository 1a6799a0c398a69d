package io.tracker.ingestion.internal.handler;

import io.tracker.api.Event;
import io.tracker.benchmarks.jmh.DefaultJournals;
import io.tracker.benchmarks.jmh.SampleTraffic;
import io.tracker.benchmarks.jmh.ShippedConfig;
import io.tracker.benchmarks.jmh.ShippedPreprocessors;
import io.tracker.benchmarks.jmh.TempDirectories;
import io.tracker.ingestion.internal.identity.Identity;
import io.tracker.ingestion.internal.identity.IdentitySettings;
import io.tracker.processing.internal.event.EventFactory;
import io.tracker.processing.internal.eventtype.EventTypeDefinition;
import io.tracker.processing.internal.eventtype.EventTypeRegistry;
import io.tracker.processing.internal.eventtype.HitContext;
import io.tracker.processing.internal.intake.Intake;
import io.tracker.processing.internal.journal.Journal;
import io.tracker.processing.spi.Acceptance;
import io.tracker.processing.spi.EventIntake;
import io.tracker.processing.spi.Hit;
import io.tracker.processing.spi.Outcome;
import io.tracker.processing.spi.Route;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.LocalConnector;
import org.eclipse.jetty.server.Server;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A pixel request from raw HTTP/1.1 bytes to the 43-byte GIF, through a real Jetty server with the
 * production handlers ({@link OptOutHandler}, then {@link TrackingHandler} reading the request through
 * {@link RequestHit}), on one kept-alive connection of Jetty's in-memory {@link LocalConnector}: no socket,
 * but Jetty's HTTP parsing, the hand-over of the input to a server thread (as a selector would) and the
 * response generation all count.
 *
 * <ul>
 *   <li>{@code event-only}: the intake only routes and builds the event from the {@code RequestHit}
 *       (Jetty's request to event); compare with the event factory's benchmark on a parsed hit.</li>
 *   <li>{@code full-intake}: the real intake: bots, dedup, privacy and a default journal.</li>
 * </ul>
 *
 * <p>The benchmark thread hands each request over and waits for its answer: about four context switches
 * per request, most of the time on a virtual machine. Compare the two variants with each other; what they
 * have in common is an upper bound of Jetty's share, not its cost on a busy server.
 *
 * <p>Warmed up twice as long as the others: Jetty's request path is a lot of code for the JIT to compile,
 * and on two cores it is still getting faster after five seconds.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 1)
public class PixelRequestBenchmark {

    /** The identity defaults (config/io.tracker.identity.cfg): cookie tid, opt-out path, GPC honoured. */
    private static final IdentitySettings IDENTITY = new IdentitySettings(true, "tid", "", 390L * 24 * 3600, false,
            "/optout", "tracker_optout", false, true);

    @Param({"event-only", "full-intake"})
    public String intake;

    private Path directory;
    private Journal journal;
    private Server server;
    private LocalConnector.LocalEndPoint connection;
    private final ByteBuffer request = ByteBuffer.wrap(
            SampleTraffic.pixelHttpRequest().getBytes(StandardCharsets.ISO_8859_1)).asReadOnlyBuffer();

    @Setup
    public void setUp() throws Exception {
        EventTypeRegistry eventTypes = new EventTypeRegistry();
        eventTypes.register("io.tracker.eventtype~impression", ShippedConfig.eventType("impression"), "benchmark");
        EventFactory factory = new EventFactory(Clock.systemUTC());
        EventIntake processing;
        if (intake.equals("full-intake")) {
            directory = TempDirectories.create("http");
            journal = DefaultJournals.open(directory);
            processing = new Intake(eventTypes, factory, ShippedPreprocessors.registry(), journal);
        } else {
            processing = new EventOnlyIntake(eventTypes, factory);
        }
        Identity identity = new Identity(IDENTITY);
        server = new Server();
        LocalConnector connector = new LocalConnector(server);
        server.addConnector(connector);
        server.setHandler(new Handler.Sequence(new OptOutHandler(identity), new TrackingHandler(processing, identity)));
        server.start();
        connection = connector.connect();
        String first = StandardCharsets.ISO_8859_1.decode(pixel()).toString();
        if (!first.startsWith("HTTP/1.1 200") || !first.contains("image/gif")) {
            throw new IllegalStateException("the sample pixel is not answered with the GIF: " + first);
        }
    }

    @TearDown
    public void tearDown() throws Exception {
        server.stop();
        if (journal != null) {
            journal.close();
            TempDirectories.delete(directory);
        }
    }

    @Benchmark
    public ByteBuffer pixel() throws Exception {
        connection.addInputAndExecute(request.duplicate());
        ByteBuffer response = connection.waitForResponse(false, 5, TimeUnit.SECONDS);
        if (response == null) {
            throw new IllegalStateException("no response within 5 s");
        }
        return response;
    }

    /** Routes and builds the event as the real intake does, then stops: no preprocessors, no journal. */
    private static final class EventOnlyIntake implements EventIntake {
        private final EventTypeRegistry eventTypes;
        private final EventFactory factory;
        /** Written per hit so that building the event cannot be optimised away. */
        private volatile Event last;

        EventOnlyIntake(EventTypeRegistry eventTypes, EventFactory factory) {
            this.eventTypes = eventTypes;
            this.factory = factory;
        }

        @Override
        public Route route(String path) {
            return eventTypes.route(path);
        }

        @Override
        public Outcome accept(Route route, Hit hit) {
            EventFactory.Built built = factory.build((EventTypeDefinition) route, new HitContext(hit, Map.of(), null));
            last = built.event();
            return new Outcome(Acceptance.ACCEPTED, List.of(Outcome.Item.accepted(0, last.id())));
        }

        @Override
        public boolean mayWait(Route route) {
            return false; // only computes, like the real intake with the default interval fsync
        }
    }
}

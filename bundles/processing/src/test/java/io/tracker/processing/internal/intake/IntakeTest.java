package io.tracker.processing.internal.intake;

import static org.assertj.core.api.Assertions.assertThat;

import io.tracker.processing.internal.dispatch.DispatchSettings;
import io.tracker.processing.internal.dispatch.EventTypeFilter;
import io.tracker.processing.internal.dispatch.RecordingCollector;
import io.tracker.processing.internal.dispatch.RetryBackoff;
import io.tracker.processing.internal.event.EventFactory;
import io.tracker.processing.internal.eventtype.DimensionRule;
import io.tracker.processing.internal.eventtype.EventTypeDefinition;
import io.tracker.processing.internal.eventtype.EventTypeRegistry;
import io.tracker.processing.spi.Acceptance;
import io.tracker.processing.spi.Hit;
import io.tracker.processing.spi.ResponseKind;
import io.tracker.processing.spi.Route;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class IntakeTest {

    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final long DRAIN_MS = 5_000;

    private final EventTypeRegistry registry = new EventTypeRegistry();
    private Intake intake;
    private Route impression;
    private Route click;

    @BeforeEach
    void setUp() throws Exception {
        registry.register("pid-impression", type("impression", "/i"), "impression.cfg");
        registry.register("pid-click", type("click", "/c"), "click.cfg");
        intake = intakeWithCapacity(100);
        impression = intake.route("/i");
        click = intake.route("/c");
    }

    @AfterEach
    void tearDown() {
        intake.close(1_000);
    }

    private Intake intakeWithCapacity(int backlogCapacity) {
        Clock clock = Clock.fixed(Instant.parse("2026-03-01T10:15:30Z"), ZoneOffset.UTC);
        return new Intake(registry, new EventFactory(clock),
                new DispatchSettings(backlogCapacity, 10, new RetryBackoff(1, 2, () -> 0.0)));
    }

    private static EventTypeDefinition type(String name, String path) {
        return new EventTypeDefinition(name, path, Set.of("GET"), ResponseKind.PIXEL, "url",
                List.of(new DimensionRule("n", "n")));
    }

    /** A hit numbered by its query parameter {@code n}. */
    private static Hit hit(int n) {
        return Map.of("n", String.valueOf(n))::get;
    }

    /** The hit numbers of the events a collector got, in delivery order. */
    private static List<String> numbers(RecordingCollector collector) {
        return collector.events().stream().map(event -> event.type() + "#" + event.dimensions().get("n")).toList();
    }

    /** Opens {@code gate} once {@code waiter} is in a timed wait, i.e. inside a drain's join. */
    private static void openWhenWaiting(Thread waiter, CountDownLatch gate) {
        Thread opener = new Thread(() -> {
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (waiter.getState() != Thread.State.TIMED_WAITING && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            gate.countDown();
        }, "gate-opener");
        opener.setDaemon(true);
        opener.start();
    }

    @Test
    void routesPathsToTheRegisteredEventTypes() {
        assertThat(impression.eventType()).isEqualTo("impression");
        assertThat(click.eventType()).isEqualTo("click");
        assertThat(intake.route("/unknown")).isNull();
    }

    @Test
    void collectorsGetOnlyTheEventTypesTheyAreAttachedTo() {
        RecordingCollector impressions = RecordingCollector.open();
        RecordingCollector clicks = RecordingCollector.open();
        RecordingCollector both = RecordingCollector.open();
        RecordingCollector all = RecordingCollector.open();
        intake.attach("impressions", impressions, EventTypeFilter.of("impression"));
        intake.attach("clicks", clicks, EventTypeFilter.of(new String[] {"click"}));
        intake.attach("both", both, EventTypeFilter.of("impression, click"));
        intake.attach("all", all, EventTypeFilter.of("*"));

        assertThat(intake.accept(impression, hit(1))).isEqualTo(Acceptance.ACCEPTED);
        assertThat(intake.accept(click, hit(2))).isEqualTo(Acceptance.ACCEPTED);
        assertThat(intake.accept(impression, hit(3))).isEqualTo(Acceptance.ACCEPTED);
        intake.close(DRAIN_MS);

        assertThat(numbers(impressions)).containsExactly("impression#1", "impression#3");
        assertThat(numbers(clicks)).containsExactly("click#2");
        assertThat(numbers(both)).containsExactly("impression#1", "click#2", "impression#3");
        assertThat(numbers(all)).containsExactly("impression#1", "click#2", "impression#3");
    }

    @Test
    void everyCollectorGetsTheSameEvent() {
        RecordingCollector first = RecordingCollector.open();
        RecordingCollector second = RecordingCollector.open();
        intake.attach("first", first, EventTypeFilter.of("impression"));
        intake.attach("second", second, EventTypeFilter.of("impression"));

        intake.accept(impression, hit(1));
        intake.close(DRAIN_MS);

        assertThat(first.events()).hasSize(1).isEqualTo(second.events());
    }

    @Test
    void acceptsAnEventTypeWithoutCollector() {
        RecordingCollector clicks = RecordingCollector.open();

        assertThat(intake.accept(impression, hit(1))).isEqualTo(Acceptance.ACCEPTED);

        intake.attach("clicks", clicks, EventTypeFilter.of("click"));
        assertThat(intake.accept(impression, hit(2))).isEqualTo(Acceptance.ACCEPTED);
        intake.close(DRAIN_MS);
        assertThat(clicks.events()).isEmpty();
    }

    @Test
    void refusesAHitWhenAnAttachedBacklogIsFullAndNoCollectorGetsIt() throws Exception {
        intake.close(0);
        intake = intakeWithCapacity(1);
        CountDownLatch gate = new CountDownLatch(1);
        RecordingCollector free = RecordingCollector.open();
        RecordingCollector held = RecordingCollector.heldBy(gate);
        intake.attach("free", free, EventTypeFilter.of("impression")); // offered first if anything were offered
        intake.attach("held", held, EventTypeFilter.of("impression"));

        assertThat(intake.accept(impression, hit(1))).isEqualTo(Acceptance.ACCEPTED);
        assertThat(held.awaitFirstCall(WAIT)).isTrue();  // hit 1 in flight, held's backlog empty
        assertThat(free.awaitEvents(1, WAIT)).isTrue();  // free's backlog empty
        assertThat(intake.accept(impression, hit(2))).isEqualTo(Acceptance.ACCEPTED);
        assertThat(free.awaitEvents(2, WAIT)).isTrue(); // free's backlog is empty again: only held is full

        assertThat(intake.accept(impression, hit(3))).isEqualTo(Acceptance.OVERLOADED);
        assertThat(intake.accept(click, hit(4))).as("a type held is not attached to").isEqualTo(Acceptance.ACCEPTED);

        gate.countDown();
        assertThat(held.awaitEvents(2, WAIT)).isTrue();
        intake.close(DRAIN_MS);
        assertThat(numbers(free)).containsExactly("impression#1", "impression#2");
        assertThat(numbers(held)).containsExactly("impression#1", "impression#2");
    }

    @Test
    void acceptsAgainOnceTheFullBacklogHasDrained() throws Exception {
        intake.close(0);
        intake = intakeWithCapacity(1);
        CountDownLatch gate = new CountDownLatch(1);
        RecordingCollector held = RecordingCollector.heldBy(gate);
        intake.attach("held", held, EventTypeFilter.of("impression"));
        intake.accept(impression, hit(1));
        assertThat(held.awaitFirstCall(WAIT)).isTrue();
        intake.accept(impression, hit(2));
        assertThat(intake.accept(impression, hit(3))).isEqualTo(Acceptance.OVERLOADED);

        gate.countDown();
        assertThat(held.awaitEvents(2, WAIT)).isTrue();

        assertThat(intake.accept(impression, hit(4))).isEqualTo(Acceptance.ACCEPTED);
        intake.close(DRAIN_MS);
        assertThat(numbers(held)).containsExactly("impression#1", "impression#2", "impression#4");
    }

    @Test
    void detachDeliversTheBacklogToThatCollectorBeforeReturning() throws Exception {
        CountDownLatch gate = new CountDownLatch(1);
        RecordingCollector leaving = RecordingCollector.heldBy(gate);
        RecordingCollector staying = RecordingCollector.open();
        intake.attach("leaving", leaving, EventTypeFilter.of("impression"));
        intake.attach("staying", staying, EventTypeFilter.of("impression"));
        for (int n = 1; n <= 5; n++) {
            intake.accept(impression, hit(n));
        }
        assertThat(leaving.awaitFirstCall(WAIT)).isTrue();
        openWhenWaiting(Thread.currentThread(), gate);

        intake.detach(leaving, DRAIN_MS);

        assertThat(numbers(leaving)).containsExactly(
                "impression#1", "impression#2", "impression#3", "impression#4", "impression#5");
        intake.accept(impression, hit(6));
        intake.close(DRAIN_MS);
        assertThat(numbers(leaving)).as("nothing after detach").hasSize(5);
        assertThat(numbers(staying)).hasSize(6);
    }

    @Test
    void detachingAnUnknownCollectorChangesNothing() {
        RecordingCollector attached = RecordingCollector.open();
        intake.attach("attached", attached, EventTypeFilter.of("impression"));

        intake.detach(RecordingCollector.open(), DRAIN_MS);

        intake.accept(impression, hit(1));
        intake.close(DRAIN_MS);
        assertThat(numbers(attached)).containsExactly("impression#1");
    }

    @Test
    void reattachChangesTheEventTypesACollectorGets() {
        RecordingCollector collector = RecordingCollector.open();
        intake.attach("collector", collector, EventTypeFilter.of("click"));
        intake.accept(impression, hit(1));
        intake.accept(click, hit(2));

        intake.reattach(collector, EventTypeFilter.of("impression"));
        intake.accept(impression, hit(3));
        intake.accept(click, hit(4));
        intake.close(DRAIN_MS);

        assertThat(numbers(collector)).containsExactly("click#2", "impression#3");
    }

    @Test
    void closeDeliversEveryCollectorsBacklog() throws Exception {
        CountDownLatch gate = new CountDownLatch(1);
        RecordingCollector impressions = RecordingCollector.heldBy(gate);
        RecordingCollector clicks = RecordingCollector.heldBy(gate);
        intake.attach("impressions", impressions, EventTypeFilter.of("impression"));
        intake.attach("clicks", clicks, EventTypeFilter.of("click"));
        for (int n = 1; n <= 30; n++) {
            intake.accept(n % 3 == 0 ? click : impression, hit(n));
        }
        assertThat(impressions.awaitFirstCall(WAIT)).isTrue();
        assertThat(clicks.awaitFirstCall(WAIT)).isTrue();
        openWhenWaiting(Thread.currentThread(), gate);

        intake.close(DRAIN_MS);

        assertThat(numbers(impressions)).containsExactlyElementsOf(IntStream.rangeClosed(1, 30)
                .filter(n -> n % 3 != 0).mapToObj(n -> "impression#" + n).toList());
        assertThat(numbers(clicks)).containsExactlyElementsOf(IntStream.rangeClosed(1, 30)
                .filter(n -> n % 3 == 0).mapToObj(n -> "click#" + n).toList());
        assertThat(intake.accept(impression, hit(31))).as("after close").isEqualTo(Acceptance.ACCEPTED);
    }
}

package io.tracker.processing.internal.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.tracker.api.Event;
import io.tracker.api.EventCollector;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CollectorDispatcherTest {

    private static final Instant NOW = Instant.parse("2026-03-01T10:15:30.123Z");
    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final long DRAIN_MS = 5_000;

    private final List<CollectorDispatcher> started = new ArrayList<>();

    /** Stops what a test left running (every started dispatcher here is attached to "*"). */
    @AfterEach
    void stopLeftovers() {
        started.stream().filter(dispatcher -> dispatcher.accepts("impression")).forEach(d -> d.stop(1_000));
    }

    private static List<Event> events(int count) {
        return IntStream.range(0, count)
                .mapToObj(i -> Event.builder("e" + i, "impression", NOW).build())
                .toList();
    }

    private static DispatchSettings settings(int capacity, int maxBatchSize) {
        return new DispatchSettings(capacity, maxBatchSize, new RetryBackoff(1, 2, () -> 0.0));
    }

    /** A dispatcher that is not started yet, so offers stay in its backlog until {@link #start}. */
    private static CollectorDispatcher dispatcher(EventCollector collector, DispatchSettings settings) {
        return new CollectorDispatcher("test", collector, EventTypeFilter.of("*"), settings);
    }

    private CollectorDispatcher start(CollectorDispatcher dispatcher) {
        dispatcher.start();
        started.add(dispatcher);
        return dispatcher;
    }

    private static void offerAll(CollectorDispatcher dispatcher, List<Event> events) {
        for (Event event : events) {
            assertThat(dispatcher.offer(event)).as("offer %s", event.id()).isTrue();
        }
    }

    @Test
    void deliversInBatchesOfAtMostMaxBatchSizeInOrder() throws Exception {
        RecordingCollector collector = RecordingCollector.open();
        CollectorDispatcher dispatcher = dispatcher(collector, settings(100, 3));
        List<Event> events = events(10);
        offerAll(dispatcher, events);

        start(dispatcher);

        assertThat(collector.awaitEvents(10, WAIT)).isTrue();
        assertThat(collector.batches()).extracting(List::size).containsExactly(3, 3, 3, 1);
        assertThat(collector.events()).containsExactlyElementsOf(events);
        assertThat(dispatcher.stop(DRAIN_MS)).isZero();
        assertThat(dispatcher.deliveredCount()).isEqualTo(10);
        assertThat(dispatcher.failedAttemptCount()).isZero();
    }

    @Test
    void deliversEventsOfferedWhileRunning() throws Exception {
        RecordingCollector collector = RecordingCollector.open();
        CollectorDispatcher dispatcher = start(dispatcher(collector, settings(100, 500)));
        List<Event> events = events(20);

        offerAll(dispatcher, events);

        assertThat(collector.awaitEvents(20, WAIT)).isTrue();
        assertThat(collector.events()).containsExactlyElementsOf(events);
        assertThat(collector.batches()).allSatisfy(batch -> assertThat(batch).isNotEmpty());
        assertThat(dispatcher.stop(DRAIN_MS)).isZero();
    }

    @Test
    void retriesAFailedBatchUntilTheCollectorRecoversAndKeepsTheOrder() throws Exception {
        RecordingCollector collector = RecordingCollector.failingFirst(3);
        CollectorDispatcher dispatcher = dispatcher(collector, settings(100, 4));
        List<Event> events = events(10);
        offerAll(dispatcher, events);

        start(dispatcher);

        assertThat(collector.awaitEvents(10, WAIT)).isTrue();
        assertThat(collector.events()).containsExactlyElementsOf(events);
        assertThat(collector.batches()).extracting(List::size).containsExactly(4, 4, 2);
        assertThat(collector.calls()).isEqualTo(3 + 3);
        assertThat(dispatcher.failedAttemptCount()).isEqualTo(3);
        assertThat(dispatcher.stop(DRAIN_MS)).isZero();
        assertThat(dispatcher.deliveredCount()).isEqualTo(10);
    }

    @Test
    void offerReturnsFalseWhenTheBacklogIsFull() throws Exception {
        CountDownLatch gate = new CountDownLatch(1);
        RecordingCollector collector = RecordingCollector.heldBy(gate);
        CollectorDispatcher dispatcher = start(dispatcher(collector, settings(3, 10)));
        List<Event> events = events(5);

        assertThat(dispatcher.offer(events.get(0))).isTrue();
        assertThat(collector.awaitFirstCall(WAIT)).isTrue(); // event 0 is in flight, the backlog is empty
        offerAll(dispatcher, events.subList(1, 4));

        assertThat(dispatcher.hasRoom()).isFalse();
        assertThat(dispatcher.backlogSize()).isEqualTo(3);
        assertThat(dispatcher.offer(events.get(4))).isFalse();

        gate.countDown();
        assertThat(dispatcher.stop(DRAIN_MS)).isZero();
        assertThat(collector.events()).containsExactlyElementsOf(events.subList(0, 4));
    }

    @Test
    void stopDeliversTheWholeBacklogBeforeReturning() throws Exception {
        CountDownLatch gate = new CountDownLatch(1);
        RecordingCollector collector = RecordingCollector.heldBy(gate);
        CollectorDispatcher dispatcher = start(dispatcher(collector, settings(100, 7)));
        List<Event> events = events(50);
        offerAll(dispatcher, events);
        assertThat(collector.awaitFirstCall(WAIT)).isTrue();
        assertThat(dispatcher.backlogSize()).isPositive();
        // open the gate only once stop() has begun, so that stop() starts with a held collector and a backlog
        Thread opener = new Thread(() -> {
            while (dispatcher.accepts("impression")) {
                Thread.onSpinWait();
            }
            gate.countDown();
        }, "gate-opener");
        opener.setDaemon(true);
        opener.start();

        int undelivered = dispatcher.stop(DRAIN_MS);

        assertThat(undelivered).isZero();
        assertThat(collector.events()).containsExactlyElementsOf(events);
        assertThat(collector.batches()).allSatisfy(batch -> assertThat(batch).hasSizeLessThanOrEqualTo(7));
        assertThat(dispatcher.deliveredCount()).isEqualTo(50);
        assertThat(dispatcher.backlogSize()).isZero();
    }

    @Test
    void refusesOffersOnceStopping() throws Exception {
        CollectorDispatcher dispatcher = start(dispatcher(RecordingCollector.open(), settings(10, 10)));

        dispatcher.beginStop();

        assertThat(dispatcher.offer(events(1).get(0))).isFalse();
        assertThat(dispatcher.accepts("impression")).isFalse();
        assertThat(dispatcher.awaitStop(DRAIN_MS)).isZero();
    }

    @Test
    void stopWithACollectorThatAlwaysFailsReturnsTheUndeliveredCountAfterTheTimeout() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        CountDownLatch firstCall = new CountDownLatch(1);
        EventCollector broken = batch -> {
            calls.incrementAndGet();
            firstCall.countDown();
            throw new RecordingCollector.CollectorDown();
        };
        CollectorDispatcher dispatcher = new CollectorDispatcher("broken", broken, EventTypeFilter.of("*"),
                new DispatchSettings(100, 2, new RetryBackoff(100, 100, () -> 0.0)));
        offerAll(dispatcher, events(5));
        start(dispatcher);
        assertThat(firstCall.await(5, TimeUnit.SECONDS)).isTrue();

        int undelivered = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> dispatcher.stop(200));

        assertThat(undelivered).isEqualTo(5);
        assertThat(dispatcher.deliveredCount()).isZero();
        assertThat(dispatcher.failedAttemptCount()).isEqualTo(calls.get()).isPositive();
        assertThat(dispatcherThreadAlive("broken")).as("dispatcher thread alive after stop()").isFalse();
    }

    @Test
    void acceptsFollowsTheFilterAndItsReplacement() {
        CollectorDispatcher dispatcher = new CollectorDispatcher("filtered", RecordingCollector.open(),
                EventTypeFilter.of("click"), settings(10, 10));

        assertThat(dispatcher.accepts("click")).isTrue();
        assertThat(dispatcher.accepts("impression")).isFalse();

        dispatcher.attachTo(EventTypeFilter.of("impression"));

        assertThat(dispatcher.accepts("click")).isFalse();
        assertThat(dispatcher.accepts("impression")).isTrue();
        assertThat(dispatcher.name()).isEqualTo("filtered");
    }

    @Test
    void theBatchHandedToTheCollectorStaysIntactAfterCollectReturns() throws Exception {
        List<List<Event>> kept = new ArrayList<>();
        CountDownLatch delivered = new CountDownLatch(2);
        EventCollector keeping = batch -> {
            synchronized (kept) {
                kept.add(batch); // no copy: the batch is documented as unmodifiable
            }
            delivered.countDown();
        };
        CollectorDispatcher dispatcher = dispatcher(keeping, settings(100, 2));
        List<Event> events = events(4);
        offerAll(dispatcher, events);
        start(dispatcher);

        assertThat(delivered.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(dispatcher.stop(DRAIN_MS)).isZero();

        synchronized (kept) {
            assertThat(kept).containsExactly(events.subList(0, 2), events.subList(2, 4));
        }
    }

    @Test
    void stopEndsTheThreadOfACollectorThatAnswersTheInterruptWithInterruptedException() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        CountDownLatch firstCall = new CountDownLatch(1);
        CountDownLatch never = new CountDownLatch(1);
        EventCollector blocking = batch -> {
            calls.incrementAndGet();
            firstCall.countDown();
            never.await(); // like a blocking send: throws InterruptedException when interrupted
        };
        CollectorDispatcher dispatcher = new CollectorDispatcher("blocking", blocking, EventTypeFilter.of("*"),
                settings(10, 10));
        offerAll(dispatcher, events(3));
        start(dispatcher);
        assertThat(firstCall.await(5, TimeUnit.SECONDS)).isTrue();
        try {
            int undelivered = dispatcher.stop(100);

            assertThat(undelivered).isEqualTo(3);
            assertThat(dispatcherThreadAlive("blocking")).as("dispatcher thread alive after stop()").isFalse();
            assertThat(calls.get()).as("collect() calls").isEqualTo(1);
        } finally {
            never.countDown(); // let a leaked thread finish
        }
    }

    private static boolean dispatcherThreadAlive(String name) {
        return Thread.getAllStackTraces().keySet().stream()
                .anyMatch(thread -> thread.getName().equals("tracker-dispatch-" + name) && thread.isAlive());
    }
}

package io.tracker.processing.internal.dispatch;

import static io.tracker.processing.internal.journal.TestJournals.append;
import static io.tracker.processing.internal.journal.TestJournals.appendUntilSegments;
import static io.tracker.processing.internal.journal.TestJournals.await;
import static io.tracker.processing.internal.journal.TestJournals.event;
import static io.tracker.processing.internal.journal.TestJournals.ids;
import static io.tracker.processing.internal.journal.TestJournals.segmentBases;
import static org.assertj.core.api.Assertions.assertThat;

import io.tracker.api.Event;
import io.tracker.processing.internal.journal.Journal;
import io.tracker.processing.internal.journal.JournalPosition;
import io.tracker.processing.internal.journal.JournalSearch;
import io.tracker.processing.internal.journal.TestJournals;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CollectorDispatcherTest {

    private static final Duration WAIT = Duration.ofSeconds(5);
    /** Retries after 1 ms: failing collectors do not slow the tests down. */
    private static final RetryBackoff FAST = new RetryBackoff(2, 2, () -> 0.0);
    /** Retries after 5 s: a failing collector is certainly waiting when the test acts. */
    private static final RetryBackoff SLOW = new RetryBackoff(10_000, 10_000, () -> 0.0);

    @TempDir
    Path dir;

    private Journal journal;
    private CursorStore cursors;
    private final List<CollectorDispatcher> started = new ArrayList<>();
    private final CountDownLatch gate = new CountDownLatch(1);

    @BeforeEach
    void openJournal() throws Exception {
        journal = TestJournals.open(dir.resolve("journal"));
        cursors = new CursorStore(dir.resolve("cursors"));
    }

    @AfterEach
    void stop() throws Exception {
        gate.countDown();
        for (CollectorDispatcher dispatcher : started) {
            dispatcher.detach(2_000);
        }
        journal.close();
    }

    private CollectorDispatcher dispatcher(String name, RecordingCollector collector, String types,
                                           JournalPosition from, int maxBatchSize, RetryBackoff backoff) {
        return new CollectorDispatcher(name, collector, "test 1.0", EventTypeFilter.of(types), journal, from,
                cursors, new DispatchSettings(maxBatchSize, 0, backoff));
    }

    private CollectorDispatcher dispatcher(String name, RecordingCollector collector, JournalPosition from) {
        return dispatcher(name, collector, "*", from, 10, FAST);
    }

    private CollectorDispatcher start(CollectorDispatcher dispatcher) {
        started.add(dispatcher);
        dispatcher.start();
        return dispatcher;
    }

    private long savedOffset(String name) {
        return cursors.load(name).orElseThrow().position().offset();
    }

    private static Thread inBackground(String name, Runnable action) {
        Thread thread = new Thread(action, name);
        thread.start();
        return thread;
    }

    private static void awaitBlocked(Thread thread) throws Exception {
        await(thread.getName() + " to wait", 5_000, () -> thread.getState() == Thread.State.TIMED_WAITING);
    }

    @Test
    void deliversFromItsStartPositionInOrderInBatchesOfAtMostMaxBatchSize() throws Exception {
        append(journal, 0, 95);
        RecordingCollector collector = RecordingCollector.open();

        start(dispatcher("log", collector, JournalSearch.atOffset(journal, 20)));

        assertThat(collector.awaitEvents(75, WAIT)).isTrue();
        assertThat(collector.ids()).containsExactlyElementsOf(ids(20, 95));
        assertThat(collector.batches()).allSatisfy(batch -> assertThat(batch).hasSizeBetween(1, 10));
    }

    @Test
    void deliversEventsAppendedWhileItRuns() throws Exception {
        RecordingCollector collector = RecordingCollector.open();
        start(dispatcher("log", collector, journal.end()));

        append(journal, 0, 30);

        assertThat(collector.awaitEvents(30, WAIT)).isTrue();
        assertThat(collector.ids()).containsExactlyElementsOf(ids(0, 30));
    }

    @Test
    void deliversOnlyAcceptedTypesWhileItsCursorPassesEveryRecord() throws Exception {
        for (int n = 0; n < 40; n++) {
            journal.append(event(n % 4 == 0 ? "click" : "impression", n));
        }
        for (int n = 40; n < 60; n++) {
            journal.append(event("impression", n)); // the tail holds nothing for this collector
        }
        RecordingCollector collector = RecordingCollector.open();

        CollectorDispatcher dispatcher = start(dispatcher("clicks", collector, "click", JournalPosition.START, 10, FAST));

        assertThat(collector.awaitEvents(10, WAIT)).isTrue();
        await("the cursor at the journal's end", 5_000, () -> dispatcher.committed().equals(journal.end()));
        await("the saved cursor at the journal's end", 5_000, () -> savedOffset("clicks") == 60);
        assertThat(collector.ids()).containsExactly("e-0", "e-4", "e-8", "e-12", "e-16", "e-20", "e-24", "e-28",
                "e-32", "e-36");
        assertThat(collector.events()).extracting(Event::type).containsOnly("click");
        assertThat(dispatcher.lagEvents()).isZero();
    }

    @Test
    void readsWithANewFilterFromTheNextBatchOn() throws Exception {
        RecordingCollector collector = RecordingCollector.heldBy(gate);
        CollectorDispatcher dispatcher = start(dispatcher("log", collector, "click", journal.end(), 10, FAST));
        journal.append(event("click", 0));
        assertThat(collector.awaitFirstCall(WAIT)).isTrue(); // holding the click

        dispatcher.attachTo(EventTypeFilter.of("impression"));
        journal.append(event("impression", 1));
        journal.append(event("click", 2));
        journal.append(event("impression", 3));
        gate.countDown();

        assertThat(collector.awaitEvents(3, WAIT)).isTrue();
        await("every record passed", 5_000, () -> dispatcher.committed().offset() == 4);
        assertThat(collector.ids()).containsExactly("e-0", "e-1", "e-3");
    }

    @Test
    void savesItsCursorOnStartAndAfterEachDelivery() throws Exception {
        append(journal, 0, 25);
        RecordingCollector collector = RecordingCollector.heldBy(gate);
        JournalPosition from = JournalSearch.atOffset(journal, 3);

        CollectorDispatcher dispatcher = start(dispatcher("log", collector, from));

        assertThat(collector.awaitFirstCall(WAIT)).isTrue();
        CursorStore.Cursor saved = cursors.load("log").orElseThrow();
        assertThat(saved.position()).isEqualTo(from);
        assertThat(saved.detached()).isFalse();

        gate.countDown();

        await("the cursor file at the journal's end", 5_000, () -> savedOffset("log") == 25);
        assertThat(cursors.load("log").orElseThrow().position()).isEqualTo(journal.end());
        assertThat(dispatcher.committed()).isEqualTo(journal.end());
        assertThat(dispatcher.deliveredCount()).isEqualTo(22);
    }

    @Test
    void retriesAFailingCollectorUntilItTakesEveryEventExactlyOnce() throws Exception {
        append(journal, 0, 30);
        RecordingCollector collector = RecordingCollector.failingFirstThenHeldBy(3, gate);
        CollectorDispatcher dispatcher = start(dispatcher("log", collector, JournalPosition.START));

        assertThat(collector.awaitCalls(4, WAIT)).isTrue();
        assertThat(dispatcher.state()).isEqualTo(CollectorDispatcher.State.FAILING);
        assertThat(dispatcher.failedAttemptCount()).isEqualTo(3);
        assertThat(dispatcher.lastError()).contains("collector down (test)");
        assertThat(dispatcher.committed()).isEqualTo(JournalPosition.START);

        gate.countDown();

        assertThat(collector.awaitEvents(30, WAIT)).isTrue();
        await("the dispatcher running again", 5_000, () -> dispatcher.state() == CollectorDispatcher.State.RUNNING);
        await("everything delivered", 5_000, () -> dispatcher.deliveredCount() == 30);
        assertThat(collector.ids()).containsExactlyElementsOf(ids(0, 30));
        assertThat(dispatcher.failedAttemptCount()).isEqualTo(3);
    }

    @Test
    void detachWhileTheCollectorKeepsFailingReturnsInTimeAndKeepsTheCursorBeforeTheBatch() throws Exception {
        append(journal, 0, 20);
        RecordingCollector collector = RecordingCollector.alwaysFailing();
        JournalPosition from = JournalSearch.atOffset(journal, 5);
        CollectorDispatcher dispatcher = start(dispatcher("log", collector, "*", from, 10, SLOW));
        assertThat(collector.awaitCalls(1, WAIT)).isTrue();

        long began = System.nanoTime();
        dispatcher.detach(3_000);

        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began)).isLessThan(3_000);
        assertThat(dispatcher.state()).isEqualTo(CollectorDispatcher.State.STOPPED);
        assertThat(dispatcher.committed()).isEqualTo(from);
        assertThat(savedOffset("log")).isEqualTo(5);
        assertThat(dispatcher.deliveredCount()).isZero();
        assertThat(collector.calls()).isEqualTo(1);
    }

    @Test
    void detachFinishesTheBatchInHandAndStartsNoOther() throws Exception {
        append(journal, 0, 50);
        RecordingCollector collector = RecordingCollector.heldBy(gate);
        CollectorDispatcher dispatcher = start(dispatcher("log", collector, JournalPosition.START));
        assertThat(collector.awaitFirstCall(WAIT)).isTrue();

        Thread detaching = inBackground("test-detach", () -> dispatcher.detach(5_000));
        awaitBlocked(detaching);
        gate.countDown();
        detaching.join(5_000);

        assertThat(detaching.isAlive()).isFalse();
        assertThat(collector.batches()).hasSize(1);
        assertThat(collector.ids()).containsExactlyElementsOf(ids(0, 10));
        assertThat(dispatcher.committed().offset()).isEqualTo(10);
        assertThat(savedOffset("log")).isEqualTo(10);
    }

    @Test
    void drainDeliversEverythingUpToTheJournalsEnd() throws Exception {
        append(journal, 0, 200);
        RecordingCollector collector = RecordingCollector.heldBy(gate);
        CollectorDispatcher dispatcher = start(dispatcher("log", collector, JournalPosition.START));
        assertThat(collector.awaitFirstCall(WAIT)).isTrue();

        Thread draining = inBackground("test-drain", () -> dispatcher.drain(5_000));
        awaitBlocked(draining);
        gate.countDown();
        draining.join(8_000);

        assertThat(draining.isAlive()).isFalse();
        assertThat(collector.ids()).containsExactlyElementsOf(ids(0, 200));
        assertThat(dispatcher.committed()).isEqualTo(journal.end());
        assertThat(savedOffset("log")).isEqualTo(200);
        assertThat(dispatcher.state()).isEqualTo(CollectorDispatcher.State.STOPPED);
    }

    @Test
    void drainGivesUpAtItsDeadlineKeepingTheCursor() throws Exception {
        append(journal, 0, 20);
        RecordingCollector collector = RecordingCollector.heldBy(gate); // never returns within the drain
        CollectorDispatcher dispatcher = start(dispatcher("deadline", collector, JournalPosition.START));
        assertThat(collector.awaitFirstCall(WAIT)).isTrue();

        long began = System.nanoTime();
        dispatcher.drain(200);

        // the deadline, a second's grace for collect() to return, then the dispatcher is interrupted
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began)).isBetween(200L, 3_000L);
        assertThat(DispatcherThreads.of("deadline")).isEmpty();
        assertThat(dispatcher.committed()).isEqualTo(JournalPosition.START);
        assertThat(savedOffset("deadline")).isZero();
        assertThat(dispatcher.state()).isEqualTo(CollectorDispatcher.State.STOPPED);
        assertThat(collector.events()).isEmpty();
    }

    @Test
    void drainKeepsBackingOffBetweenRetriesOfAFailingCollector() throws Exception {
        append(journal, 0, 20);
        RecordingCollector collector = RecordingCollector.alwaysFailing();
        CollectorDispatcher dispatcher = start(dispatcher("log", collector, "*", JournalPosition.START, 10,
                new RetryBackoff(100, 100, () -> 0.0))); // every retry waits 50 ms
        assertThat(collector.awaitCalls(1, WAIT)).isTrue();

        int before = collector.calls(); // a loaded machine may run many retries before the drain starts
        dispatcher.drain(300);

        assertThat(collector.calls() - before).as("calls in a 300 ms drain with 50 ms between retries")
                .isLessThan(20);
    }

    @Test
    void replayFromAnEarlierPositionRedeliversFromThere() throws Exception {
        append(journal, 0, 30);
        RecordingCollector collector = RecordingCollector.open();
        CollectorDispatcher dispatcher = start(dispatcher("log", collector, JournalPosition.START));
        assertThat(collector.awaitEvents(30, WAIT)).isTrue();

        dispatcher.replayFrom(JournalSearch.atOffset(journal, 10));

        assertThat(collector.awaitEvents(50, WAIT)).isTrue();
        List<String> all = collector.ids();
        assertThat(all.subList(0, 30)).containsExactlyElementsOf(ids(0, 30));
        assertThat(all.subList(30, all.size())).containsExactlyElementsOf(ids(10, 30));
        await("the cursor back at the end", 5_000, () -> savedOffset("log") == 30);
    }

    @Test
    void replayFromALaterPositionSkipsTheRecordsBetween() throws Exception {
        append(journal, 0, 50);
        RecordingCollector collector = RecordingCollector.open();
        CollectorDispatcher dispatcher = dispatcher("log", collector, JournalPosition.START);
        dispatcher.replayFrom(JournalSearch.atOffset(journal, 40));

        start(dispatcher);

        assertThat(collector.awaitEvents(10, WAIT)).isTrue();
        await("the cursor at the end", 5_000, () -> dispatcher.committed().offset() == 50);
        assertThat(collector.ids()).containsExactlyElementsOf(ids(40, 50));
        assertThat(dispatcher.droppedCount()).isZero();
    }

    @Test
    void dropBeforeALaterOffsetSkipsToItAndCountsTheSkippedRecords() throws Exception {
        int appended = appendUntilSegments(journal, 4);
        long thirdBase = segmentBases(dir.resolve("journal")).get(2);
        RecordingCollector collector = RecordingCollector.open();
        CollectorDispatcher dispatcher = dispatcher("log", collector, JournalPosition.START);
        dispatcher.dropBefore(thirdBase);

        start(dispatcher);

        assertThat(collector.awaitEvents((int) (appended - thirdBase), WAIT)).isTrue();
        await("the cursor at the end", 5_000, () -> savedOffset("log") == appended);
        assertThat(collector.ids()).containsExactlyElementsOf(ids((int) thirdBase, appended));
        assertThat(dispatcher.droppedCount()).isEqualTo(thirdBase);
    }

    @Test
    void dropBeforeAnOffsetItAlreadyPassedChangesNothing() throws Exception {
        int appended = appendUntilSegments(journal, 4);
        List<Long> bases = segmentBases(dir.resolve("journal"));
        long from = bases.get(2) + 3;
        RecordingCollector collector = RecordingCollector.open();
        CollectorDispatcher dispatcher = dispatcher("log", collector, JournalSearch.atOffset(journal, from));
        dispatcher.dropBefore(bases.get(1));

        start(dispatcher);

        assertThat(collector.awaitEvents((int) (appended - from), WAIT)).isTrue();
        assertThat(collector.ids()).containsExactlyElementsOf(ids((int) from, appended));
        assertThat(dispatcher.droppedCount()).isZero();
    }

    @Test
    void continuesFromTheJournalsStartWhenItsSegmentIsGoneAndCountsTheLoss() throws Exception {
        int appended = appendUntilSegments(journal, 3);
        long secondBase = segmentBases(dir.resolve("journal")).get(1);
        RecordingCollector collector = RecordingCollector.open();
        CollectorDispatcher dispatcher = dispatcher("log", collector, JournalPosition.START);
        journal.deleteSegmentsBefore(secondBase);

        start(dispatcher);

        assertThat(collector.awaitEvents((int) (appended - secondBase), WAIT)).isTrue();
        assertThat(collector.ids()).containsExactlyElementsOf(ids((int) secondBase, appended));
        assertThat(dispatcher.droppedCount()).isEqualTo(secondBase);
    }

    @Test
    void lagEventsCountsTheRecordsNotYetConfirmed() throws Exception {
        append(journal, 0, 25);
        RecordingCollector collector = RecordingCollector.heldBy(gate);
        CollectorDispatcher dispatcher = dispatcher("log", collector, JournalPosition.START);
        assertThat(dispatcher.lagEvents()).isEqualTo(25);

        start(dispatcher);
        assertThat(collector.awaitFirstCall(WAIT)).isTrue();
        append(journal, 25, 27);
        assertThat(dispatcher.lagEvents()).as("the batch in hand is not confirmed yet").isEqualTo(27);

        gate.countDown();

        await("every record confirmed", 5_000, () -> dispatcher.lagEvents() == 0);
        assertThat(dispatcher.lagSeconds()).isZero();
        assertThat(collector.ids()).containsExactlyElementsOf(ids(0, 27));
    }

    @Test
    void lagEventsCountsRecordsOfOtherTypesUntilTheCursorPassesThem() throws Exception {
        append(journal, 0, 25);
        RecordingCollector collector = RecordingCollector.open();
        CollectorDispatcher dispatcher = dispatcher("log", collector, "click", JournalPosition.START, 10, FAST);
        assertThat(dispatcher.lagEvents()).isEqualTo(25);

        start(dispatcher);

        await("every record passed", 5_000, () -> dispatcher.lagEvents() == 0);
        assertThat(collector.calls()).as("no clicks: nothing to deliver").isZero();
    }

    @Test
    void stopsAtAnUnreadableRecordAndGoesOnOnceItIsReadable() throws Exception {
        append(journal, 0, 20);
        Path segment = TestJournals.segmentFile(dir.resolve("journal"), 0);
        long corruptByte = JournalSearch.atOffset(journal, 5).filePosition() + 12;
        TestJournals.flipByte(segment, corruptByte);
        RecordingCollector collector = RecordingCollector.open();
        CollectorDispatcher dispatcher = start(dispatcher("log", collector, "*", JournalPosition.START, 5,
                new RetryBackoff(20, 20, () -> 0.0)));

        assertThat(collector.awaitEvents(5, WAIT)).isTrue();
        await("a read failure", 5_000, () -> dispatcher.state() == CollectorDispatcher.State.FAILING);
        assertThat(dispatcher.lastError()).contains("offset 5 ");
        assertThat(dispatcher.committed().offset()).isEqualTo(5);
        assertThat(collector.ids()).containsExactlyElementsOf(ids(0, 5));

        TestJournals.flipByte(segment, corruptByte);

        assertThat(collector.awaitEvents(20, WAIT)).isTrue();
        assertThat(collector.ids()).containsExactlyElementsOf(ids(0, 20));
        await("running again", 5_000, () -> dispatcher.state() == CollectorDispatcher.State.RUNNING);
    }

    @Test
    void deliversTheRecordsBeforeAnUnreadableOneInTheSameBatch() throws Exception {
        append(journal, 0, 20);
        Path segment = TestJournals.segmentFile(dir.resolve("journal"), 0);
        long corruptByte = JournalSearch.atOffset(journal, 5).filePosition() + 12;
        TestJournals.flipByte(segment, corruptByte);
        RecordingCollector collector = RecordingCollector.open();
        CollectorDispatcher dispatcher = start(dispatcher("log", collector, "*", JournalPosition.START, 100,
                new RetryBackoff(20, 20, () -> 0.0)));
        await("a read failure", 5_000, () -> dispatcher.state() == CollectorDispatcher.State.FAILING);

        TestJournals.flipByte(segment, corruptByte);

        await("the cursor at the end", 5_000, () -> dispatcher.committed().offset() == 20);
        assertThat(collector.ids()).containsExactlyElementsOf(ids(0, 20));
    }

    @Test
    void aCaughtUpDispatcherWaitsInsteadOfSpinning() throws Exception {
        append(journal, 0, 5);
        RecordingCollector collector = RecordingCollector.open();
        start(dispatcher("idle", collector, JournalPosition.START));
        assertThat(collector.awaitEvents(5, WAIT)).isTrue();
        Thread thread = DispatcherThreads.of("idle").orElseThrow();

        await("the caught-up dispatcher to wait for appends", 2_000,
                () -> DispatcherThreads.isTimedWaitingIn(thread, "Journal", "awaitAppend"));
    }

    @Test
    void lingersWithAPartialBatchUntilItCouldBeFull() throws Exception {
        RecordingCollector collector = RecordingCollector.open();
        CollectorDispatcher dispatcher = new CollectorDispatcher("linger", collector, "test", EventTypeFilter.of("*"),
                journal, journal.end(), cursors, new DispatchSettings(10, 10_000, FAST));
        start(dispatcher);
        Thread thread = DispatcherThreads.of("linger").orElseThrow();

        journal.append(event(0));
        await("the dispatcher lingering or delivering", 5_000,
                () -> collector.calls() > 0 || DispatcherThreads.isTimedWaitingIn(thread, "CollectorDispatcher", "read"));
        journal.append(event(1));
        Thread.sleep(50);
        assertThat(collector.calls()).as("a partial batch delivered without lingering").isZero();
        for (int n = 2; n < 10; n++) {
            journal.append(event(n));
        }

        assertThat(collector.awaitEvents(10, WAIT)).isTrue();
        assertThat(collector.batches()).hasSize(1);
    }

    @Test
    void deliversAPartialBatchOnceTheLingerIsOver() throws Exception {
        RecordingCollector collector = RecordingCollector.open();
        start(new CollectorDispatcher("linger", collector, "test", EventTypeFilter.of("*"), journal, journal.end(),
                cursors, new DispatchSettings(100, 200, FAST)));

        journal.append(event(0));
        journal.append(event(1));

        assertThat(collector.awaitEvents(2, WAIT)).isTrue();
        assertThat(collector.ids()).containsExactly("e-0", "e-1");
    }

    @Test
    void retriesAFailedBatchWithTheShortestBackoff() throws Exception {
        append(journal, 0, 5);
        RecordingCollector collector = RecordingCollector.failingFirst(1);

        start(dispatcher("log", collector, "*", JournalPosition.START, 10, new RetryBackoff(1, 1, () -> 0.0)));

        assertThat(collector.awaitEvents(5, Duration.ofSeconds(3))).isTrue();
    }
}

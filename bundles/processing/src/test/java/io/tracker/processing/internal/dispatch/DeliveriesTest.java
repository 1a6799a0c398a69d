package io.tracker.processing.internal.dispatch;

import static io.tracker.processing.internal.journal.TestJournals.append;
import static io.tracker.processing.internal.journal.TestJournals.appendUntilSegments;
import static io.tracker.processing.internal.journal.TestJournals.await;
import static io.tracker.processing.internal.journal.TestJournals.ids;
import static io.tracker.processing.internal.journal.TestJournals.segmentBases;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tracker.processing.internal.dispatch.Deliveries.CollectorOptions;
import io.tracker.processing.internal.dispatch.Deliveries.OverflowPolicy;
import io.tracker.processing.internal.dispatch.Deliveries.StartPosition;
import io.tracker.processing.internal.journal.Journal;
import io.tracker.processing.internal.journal.JournalFullException;
import io.tracker.processing.internal.journal.JournalPosition;
import io.tracker.processing.internal.journal.JournalSearch;
import io.tracker.processing.internal.journal.JournalSettings;
import io.tracker.processing.internal.journal.TestJournals;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeliveriesTest {

    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final long RETENTION_MS = 60_000;
    private static final CollectorOptions LATEST = new CollectorOptions(StartPosition.LATEST, OverflowPolicy.DROP_OLDEST);
    private static final CollectorOptions EARLIEST =
            new CollectorOptions(StartPosition.EARLIEST, OverflowPolicy.DROP_OLDEST);
    private static final CollectorOptions EARLIEST_REJECT =
            new CollectorOptions(StartPosition.EARLIEST, OverflowPolicy.REJECT);

    @TempDir
    Path dir;

    private final AtomicLong clock = new AtomicLong(1_000_000);
    private final CountDownLatch gate = new CountDownLatch(1);
    private final List<Deliveries> started = new ArrayList<>();
    private final List<Journal> journals = new ArrayList<>();
    private Journal journal;
    private Deliveries deliveries;

    @AfterEach
    void stop() throws IOException {
        gate.countDown();
        for (Deliveries each : started) {
            each.close(2_000);
        }
        for (Journal each : journals) {
            each.close();
        }
    }

    private static DeliverySettings settings(int maxBatchSize, RetryBackoff backoff) {
        return new DeliverySettings(new DispatchSettings(maxBatchSize, 0, backoff), 2_000, RETENTION_MS,
                StartPosition.LATEST, OverflowPolicy.DROP_OLDEST);
    }

    private static DeliverySettings settings() {
        return settings(10, new RetryBackoff(2, 2, () -> 0.0));
    }

    private Path journalDir() {
        return dir.resolve("journal");
    }

    private CursorStore cursors() throws IOException {
        return new CursorStore(dir.resolve("cursors"));
    }

    /** Opens the journal with the deliveries as its retention guard and starts them, like the component does. */
    private void startWith(JournalSettings journalSettings, DeliverySettings deliverySettings) throws IOException {
        deliveries = new Deliveries(cursors(), deliverySettings, clock::get);
        journal = Journal.open(journalSettings, deliveries);
        journals.add(journal);
        deliveries.start(journal);
        started.add(deliveries);
    }

    private void start() throws IOException {
        startWith(TestJournals.settings(journalDir()), settings());
    }

    private CollectorDispatcher attached(String name) {
        return deliveries.attached().stream().filter(d -> d.name().equals(name)).findFirst().orElseThrow();
    }

    private void awaitCaughtUp(String name) throws Exception {
        await(name + " at the journal's end", 5_000,
                () -> attached(name).committed().offset() == journal.end().offset());
    }

    @Nested
    class Attach {

        @Test
        void aNewCollectorWithLatestStartsAtTheJournalsEnd() throws Exception {
            start();
            append(journal, 0, 10);
            RecordingCollector collector = RecordingCollector.open();

            deliveries.attach("log", collector, "1.0", EventTypeFilter.of("*"), LATEST);
            append(journal, 10, 13);

            assertThat(collector.awaitEvents(3, WAIT)).isTrue();
            assertThat(collector.ids()).containsExactlyElementsOf(ids(10, 13));
            assertThat(attached("log").version()).isEqualTo("1.0");
        }

        @Test
        void aNewCollectorWithEarliestStartsAtTheJournalsStart() throws Exception {
            start();
            int appended = appendUntilSegments(journal, 3);
            long secondBase = segmentBases(journalDir()).get(1);
            journal.deleteSegmentsBefore(secondBase);
            RecordingCollector collector = RecordingCollector.open();

            deliveries.attach("log", collector, "1.0", EventTypeFilter.of("*"), EARLIEST);

            assertThat(collector.awaitEvents((int) (appended - secondBase), WAIT)).isTrue();
            assertThat(collector.ids()).containsExactlyElementsOf(ids((int) secondBase, appended));
        }

        @Test
        void reattachingUnderTheSameNameResumesFromTheSavedCursorWithoutLossOrSkip() throws Exception {
            start();
            RecordingCollector first = RecordingCollector.open();
            deliveries.attach("log", first, "1.0", EventTypeFilter.of("*"), LATEST);
            append(journal, 0, 10);
            assertThat(first.awaitEvents(10, WAIT)).isTrue();
            awaitCaughtUp("log");

            clock.set(1_234_567);
            deliveries.detach(first);

            assertThat(deliveries.attached()).isEmpty();
            CursorStore.Cursor kept = deliveries.retainedCursors().get("log");
            assertThat(kept.position().offset()).isEqualTo(10);
            assertThat(kept.detachedAtMs()).isEqualTo(1_234_567);
            assertThat(cursors().load("log")).contains(kept);

            append(journal, 10, 15); // while nobody is attached
            RecordingCollector second = RecordingCollector.open();
            deliveries.attach("log", second, "2.0", EventTypeFilter.of("*"), LATEST);
            append(journal, 15, 17);

            assertThat(second.awaitEvents(7, WAIT)).isTrue();
            assertThat(second.ids()).containsExactlyElementsOf(ids(10, 17));
            assertThat(first.ids()).containsExactlyElementsOf(ids(0, 10));
            assertThat(deliveries.retainedCursors()).doesNotContainKey("log");
        }

        @Test
        void aSecondCollectorUnderATakenNameWaitsAndTakesOverFromTheFirstsCursor() throws Exception {
            start();
            RecordingCollector first = RecordingCollector.open();
            RecordingCollector second = RecordingCollector.open();
            deliveries.attach("log", first, "1.0", EventTypeFilter.of("*"), LATEST);
            append(journal, 0, 5);
            assertThat(first.awaitEvents(5, WAIT)).isTrue();

            deliveries.attach("log", second, "2.0", EventTypeFilter.of("*"), EARLIEST);
            append(journal, 5, 8);

            assertThat(first.awaitEvents(8, WAIT)).isTrue();
            assertThat(deliveries.attached()).extracting(CollectorDispatcher::collector).containsExactly(first);

            deliveries.detach(first);

            assertThat(deliveries.attached()).extracting(CollectorDispatcher::collector).containsExactly(second);
            assertThat(attached("log").version()).isEqualTo("2.0");
            append(journal, 8, 10);
            assertThat(second.awaitEvents(2, WAIT)).isTrue();
            assertThat(second.ids()).containsExactly("e-8", "e-9");
            assertThat(first.ids()).containsExactlyElementsOf(ids(0, 8));
        }

        @Test
        void aCollectorAttachedWhileItsPredecessorIsStillDetachingResumesFromItsCursor() throws Exception {
            start();
            append(journal, 0, 20);
            RecordingCollector first = RecordingCollector.heldBy(gate); // slow to return from collect()
            deliveries.attach("log", first, "1.0", EventTypeFilter.of("*"), EARLIEST);
            assertThat(first.awaitFirstCall(WAIT)).isTrue(); // holding records 0 to 9
            Thread detaching = new Thread(() -> deliveries.detach(first), "test-detach");
            detaching.start();
            await("the first removed from the attached ones", 5_000, () -> deliveries.attached().isEmpty());

            RecordingCollector second = RecordingCollector.open();
            deliveries.attach("log", second, "2.0", EventTypeFilter.of("*"), LATEST);
            gate.countDown();
            detaching.join(5_000);
            append(journal, 20, 21);

            await("the new event delivered", 5_000, () -> second.ids().contains("e-20"));
            assertThat(second.ids()).containsExactlyElementsOf(ids(10, 21));
        }

        @Test
        void aWaitingCollectorThatIsDetachedNeverAttaches() throws Exception {
            start();
            RecordingCollector first = RecordingCollector.open();
            RecordingCollector second = RecordingCollector.open();
            deliveries.attach("log", first, "1.0", EventTypeFilter.of("*"), LATEST);
            deliveries.attach("log", second, "2.0", EventTypeFilter.of("*"), LATEST);

            deliveries.detach(second);
            deliveries.detach(first);

            assertThat(deliveries.attached()).isEmpty();
            assertThat(deliveries.retainedCursors()).containsKey("log");
        }

        @Test
        void reattachChangesTheEventTypesOfTheAttachedCollector() throws Exception {
            start();
            RecordingCollector collector = RecordingCollector.open();
            deliveries.attach("log", collector, "1.0", EventTypeFilter.of("click"), LATEST);

            deliveries.reattach(collector, EventTypeFilter.of("impression"));
            append(journal, 0, 3);

            assertThat(collector.awaitEvents(3, WAIT)).isTrue();
        }

        @Test
        void aKeptCursorBeforeTheJournalsStartResumesAtTheStart() throws Exception {
            cursors().save("log", new CursorStore.Cursor(JournalPosition.START, 999_000));
            start();
            int appended = appendUntilSegments(journal, 3);
            long secondBase = segmentBases(journalDir()).get(1);
            journal.deleteSegmentsBefore(secondBase);
            RecordingCollector collector = RecordingCollector.open();

            deliveries.attach("log", collector, "1.0", EventTypeFilter.of("*"), LATEST);

            assertThat(collector.awaitEvents((int) (appended - secondBase), WAIT)).isTrue();
            assertThat(collector.ids()).containsExactlyElementsOf(ids((int) secondBase, appended));
        }
    }

    @Nested
    class Quota {

        private static final long QUOTA = 2 * TestJournals.SEGMENT_BYTES;

        @Test
        void refusesWhileARejectCollectorsCursorIsInsideTheSegment() throws Exception {
            start();
            appendUntilSegments(journal, 3);
            long secondBase = segmentBases(journalDir()).get(1);
            RecordingCollector held = RecordingCollector.heldBy(gate);
            deliveries.attach("bank", held, "1.0", EventTypeFilter.of("*"), EARLIEST_REJECT);
            assertThat(held.awaitFirstCall(WAIT)).isTrue();

            assertThat(deliveries.releaseForQuota(0, secondBase)).isFalse();
            assertThat(attached("bank").droppedCount()).isZero();
        }

        @Test
        void releasesWhenTheRejectCollectorHasPassedTheSegment() throws Exception {
            start();
            appendUntilSegments(journal, 3);
            long secondBase = segmentBases(journalDir()).get(1);
            RecordingCollector collector = RecordingCollector.open();
            deliveries.attach("bank", collector, "1.0", EventTypeFilter.of("*"), EARLIEST_REJECT);
            awaitCaughtUp("bank");

            assertThat(deliveries.releaseForQuota(0, secondBase)).isTrue();
            assertThat(attached("bank").droppedCount()).isZero();
        }

        @Test
        void releasesPastADropOldestCollectorWhichSkipsTheSegment() throws Exception {
            startWith(TestJournals.settings(journalDir()), settings(5, new RetryBackoff(2, 2, () -> 0.0)));
            int appended = appendUntilSegments(journal, 3);
            long secondBase = segmentBases(journalDir()).get(1);
            RecordingCollector held = RecordingCollector.heldBy(gate);
            deliveries.attach("log", held, "1.0", EventTypeFilter.of("*"), EARLIEST);
            assertThat(held.awaitFirstCall(WAIT)).isTrue(); // holding records 0 to 4

            assertThat(deliveries.releaseForQuota(0, secondBase)).isTrue();
            journal.deleteSegmentsBefore(secondBase); // what the journal does next
            gate.countDown();

            assertThat(held.awaitEvents((int) (5 + appended - secondBase), WAIT)).isTrue();
            List<String> expected = new ArrayList<>(ids(0, 5));
            expected.addAll(ids((int) secondBase, appended));
            assertThat(held.ids()).containsExactlyElementsOf(expected);
            assertThat(attached("log").droppedCount()).isEqualTo(secondBase - 5);
        }

        @Test
        void aKeptCursorOfARejectCollectorRefusesTooAndADropOldestOneIsMovedPastTheSegment() throws Exception {
            startWith(TestJournals.settings(journalDir()),
                    settings(10, new RetryBackoff(10_000, 10_000, () -> 0.0)));
            appendUntilSegments(journal, 3);
            long secondBase = segmentBases(journalDir()).get(1);
            RecordingCollector bank = RecordingCollector.alwaysFailing();
            RecordingCollector log = RecordingCollector.alwaysFailing();
            deliveries.attach("bank", bank, "1.0", EventTypeFilter.of("*"), EARLIEST_REJECT);
            deliveries.attach("log", log, "1.0", EventTypeFilter.of("*"), EARLIEST);
            assertThat(bank.awaitCalls(1, WAIT)).isTrue();
            assertThat(log.awaitCalls(1, WAIT)).isTrue();
            clock.set(5_000);
            deliveries.detach(bank);
            deliveries.detach(log);

            assertThat(deliveries.releaseForQuota(0, secondBase)).as("bank keeps segment 0").isFalse();

            deliveries.replay("bank", journal.end()); // bank has passed it now
            assertThat(deliveries.releaseForQuota(0, secondBase)).isTrue();

            CursorStore.Cursor moved = deliveries.retainedCursors().get("log");
            assertThat(moved).isEqualTo(new CursorStore.Cursor(
                    new JournalPosition(secondBase, secondBase, 0), 5_000));
            assertThat(cursors().load("log")).contains(moved);
        }

        @Test
        void aRejectCollectorBehindMakesAppendsFailAtTheQuota() throws Exception {
            startWith(TestJournals.settings(journalDir(), TestJournals.SEGMENT_BYTES, QUOTA), settings());
            RecordingCollector held = RecordingCollector.heldBy(gate);
            deliveries.attach("bank", held, "1.0", EventTypeFilter.of("*"), EARLIEST_REJECT);
            journal.append(TestJournals.event(0));
            assertThat(held.awaitFirstCall(WAIT)).isTrue();

            assertThatThrownBy(() -> append(journal, 1, 1_000))
                    .isInstanceOf(JournalFullException.class)
                    .hasMessageContaining("reject");
            assertThat(journal.start().offset()).isZero();
        }

        @Test
        void aDropOldestCollectorBehindLetsAppendsGoOnAndCountsWhatItLost() throws Exception {
            startWith(TestJournals.settings(journalDir(), TestJournals.SEGMENT_BYTES, QUOTA), settings());
            RecordingCollector held = RecordingCollector.heldBy(gate);
            deliveries.attach("log", held, "1.0", EventTypeFilter.of("*"), EARLIEST);
            journal.append(TestJournals.event(0));
            assertThat(held.awaitFirstCall(WAIT)).isTrue();

            append(journal, 1, 400);
            long start = journal.start().offset();
            assertThat(start).isPositive();
            gate.countDown();

            await("the collector at the end", 5_000, () -> attached("log").committed().offset() == 400);
            CollectorDispatcher dispatcher = attached("log");
            List<String> expected = new ArrayList<>(List.of("e-0")); // the batch in hand when the quota struck
            expected.addAll(ids((int) start, 400));
            assertThat(held.ids()).containsExactlyElementsOf(expected);
            assertThat(dispatcher.droppedCount()).isEqualTo(start - 1);
            assertThat(dispatcher.deliveredCount()).isEqualTo(expected.size());
        }
    }

    @Nested
    class Retention {

        @Test
        void forgetsAKeptCursorOnceItIsOlderThanTheRetention() throws Exception {
            cursors().save("gone", new CursorStore.Cursor(JournalPosition.START, 500_000));
            start();
            assertThat(deliveries.retainedCursors()).containsKey("gone");

            clock.set(500_000 + RETENTION_MS);
            deliveries.housekeep();

            assertThat(deliveries.retainedCursors()).as("exactly the retention: kept").containsKey("gone");
            assertThat(cursors().load("gone")).isPresent();

            clock.set(500_000 + RETENTION_MS + 1);
            deliveries.housekeep();

            assertThat(deliveries.retainedCursors()).isEmpty();
            assertThat(cursors().load("gone")).isEmpty();
        }

        @Test
        void deletesTheSegmentsEveryCursorPassedAndKeepsThoseAKeptCursorNeeds() throws Exception {
            cursors().save("old", new CursorStore.Cursor(JournalPosition.START, clock.get()));
            start();
            int appended = appendUntilSegments(journal, 4);
            List<Long> bases = segmentBases(journalDir());
            deliveries.replay("old", JournalSearch.atOffset(journal, bases.get(1) + 1));
            deliveries.attach("log", RecordingCollector.open(), "1.0", EventTypeFilter.of("*"), EARLIEST);
            awaitCaughtUp("log");

            deliveries.housekeep();

            assertThat(segmentBases(journalDir())).as("old still needs the second segment")
                    .containsExactlyElementsOf(bases.subList(1, 4));
            assertThat(journal.start().offset()).isEqualTo(bases.get(1));

            clock.addAndGet(RETENTION_MS + 1);
            deliveries.housekeep();

            assertThat(deliveries.retainedCursors()).isEmpty();
            assertThat(segmentBases(journalDir())).containsExactly(bases.get(3));
            assertThat(journal.end().offset()).isEqualTo(appended);
        }

        @Test
        void keepsEverySegmentWithoutAnyCursor() throws Exception {
            start();
            appendUntilSegments(journal, 3);
            List<Long> bases = segmentBases(journalDir());

            deliveries.housekeep();

            assertThat(segmentBases(journalDir())).isEqualTo(bases);
        }

        @Test
        void keepsTheSegmentsAnAttachedCollectorHasNotPassed() throws Exception {
            start();
            appendUntilSegments(journal, 3);
            List<Long> bases = segmentBases(journalDir());
            RecordingCollector held = RecordingCollector.heldBy(gate);
            deliveries.attach("slow", held, "1.0", EventTypeFilter.of("*"), EARLIEST);
            deliveries.attach("fast", RecordingCollector.open(), "1.0", EventTypeFilter.of("*"), EARLIEST);
            assertThat(held.awaitFirstCall(WAIT)).isTrue();
            awaitCaughtUp("fast");

            deliveries.housekeep();

            assertThat(segmentBases(journalDir())).isEqualTo(bases);
        }

        @Test
        void theCursorOfADetachingCollectorKeepsItsSegments() throws Exception {
            start();
            appendUntilSegments(journal, 4);
            List<Long> bases = segmentBases(journalDir());
            deliveries.attach("fast", RecordingCollector.open(), "1.0", EventTypeFilter.of("*"), EARLIEST);
            awaitCaughtUp("fast");
            RecordingCollector slow = RecordingCollector.heldBy(gate); // its collect() is slow to return
            deliveries.attach("slow", slow, "1.0", EventTypeFilter.of("*"), EARLIEST);
            assertThat(slow.awaitFirstCall(WAIT)).isTrue();
            Thread detaching = new Thread(() -> deliveries.detach(slow), "test-detach");
            detaching.start();
            await("slow removed from the attached ones", 5_000,
                    () -> deliveries.attached().stream().noneMatch(d -> d.name().equals("slow")));

            deliveries.housekeep();
            gate.countDown();
            detaching.join(5_000);

            assertThat(segmentBases(journalDir())).as("slow has delivered nothing yet").isEqualTo(bases);
        }
    }

    @Nested
    class Restart {

        @Test
        void startLoadsSavedCursorsAsKeptAndACollectorResumesFromItsCursor() throws Exception {
            start();
            RecordingCollector before = RecordingCollector.open();
            deliveries.attach("log", before, "1.0", EventTypeFilter.of("*"), EARLIEST);
            append(journal, 0, 5);
            assertThat(before.awaitEvents(5, WAIT)).isTrue();
            await("the cursor saved", 5_000, () -> cursors().load("log").orElseThrow().position().offset() == 5);
            cursors().save("gone", new CursorStore.Cursor(JournalPosition.START, 123));
            deliveries.close(2_000);
            journal.close();

            clock.set(777_000);
            start();

            assertThat(deliveries.retainedCursors()).containsOnlyKeys("log", "gone");
            assertThat(deliveries.retainedCursors().get("log").position().offset()).isEqualTo(5);
            assertThat(deliveries.retainedCursors().get("log").detachedAtMs()).isEqualTo(777_000);
            assertThat(deliveries.retainedCursors().get("gone").detachedAtMs()).as("its own detach time").isEqualTo(123);

            append(journal, 5, 8);
            RecordingCollector after = RecordingCollector.open();
            deliveries.attach("log", after, "1.1", EventTypeFilter.of("*"), LATEST);
            append(journal, 8, 9);

            assertThat(after.awaitEvents(4, WAIT)).isTrue();
            assertThat(after.ids()).containsExactlyElementsOf(ids(5, 9));
        }

        @Test
        void theRetentionOfACursorDoesNotStartAgainWithEachRestart() throws Exception {
            start();
            RecordingCollector gone = RecordingCollector.open();
            deliveries.attach("gone", gone, "1.0", EventTypeFilter.of("*"), EARLIEST);
            append(journal, 0, 3);
            assertThat(gone.awaitEvents(3, WAIT)).isTrue();
            deliveries.close(2_000); // the tracker stops; the collector is uninstalled meanwhile
            journal.close();

            clock.set(2_000_000);
            start(); // the first start without it
            deliveries.close(2_000);
            journal.close();
            clock.set(2_000_000 + RETENTION_MS - 10);
            start(); // started again shortly before its retention ends

            clock.set(2_000_000 + RETENTION_MS + 1);
            deliveries.housekeep();

            assertThat(deliveries.retainedCursors()).as("gone for longer than the retention").isEmpty();
        }
    }

    @Nested
    class Replay {

        @Test
        void movesAnAttachedCollectorBackToRedeliver() throws Exception {
            start();
            RecordingCollector collector = RecordingCollector.open();
            deliveries.attach("log", collector, "1.0", EventTypeFilter.of("*"), EARLIEST);
            append(journal, 0, 10);
            assertThat(collector.awaitEvents(10, WAIT)).isTrue();

            String answer = deliveries.replay("log", JournalSearch.atOffset(journal, 4));

            assertThat(answer).contains("'log'").contains("offset 4");
            assertThat(collector.awaitEvents(16, WAIT)).isTrue();
            assertThat(collector.ids().subList(10, 16)).containsExactlyElementsOf(ids(4, 10));
        }

        @Test
        void movesTheKeptCursorOfADetachedCollector() throws Exception {
            start();
            RecordingCollector first = RecordingCollector.open();
            deliveries.attach("log", first, "1.0", EventTypeFilter.of("*"), EARLIEST);
            append(journal, 0, 10);
            assertThat(first.awaitEvents(10, WAIT)).isTrue();
            awaitCaughtUp("log");
            clock.set(4_242);
            deliveries.detach(first);

            String answer = deliveries.replay("log", JournalSearch.atOffset(journal, 2));

            assertThat(answer).contains("'log'").contains("detached").contains("offset 2");
            CursorStore.Cursor kept = deliveries.retainedCursors().get("log");
            assertThat(kept.position().offset()).isEqualTo(2);
            assertThat(kept.detachedAtMs()).isEqualTo(4_242);
            assertThat(cursors().load("log")).contains(kept);

            RecordingCollector second = RecordingCollector.open();
            deliveries.attach("log", second, "2.0", EventTypeFilter.of("*"), LATEST);

            assertThat(second.awaitEvents(8, WAIT)).isTrue();
            assertThat(second.ids()).containsExactlyElementsOf(ids(2, 10));
        }

        @Test
        void clampsToWhatTheJournalHolds() throws Exception {
            start();
            RecordingCollector collector = RecordingCollector.open();
            deliveries.attach("log", collector, "1.0", EventTypeFilter.of("*"), LATEST);
            append(journal, 0, 10);
            assertThat(collector.awaitEvents(10, WAIT)).isTrue();
            awaitCaughtUp("log");
            deliveries.detach(collector);
            append(journal, 10, 15);

            String answer = deliveries.replay("log", new JournalPosition(500, 500, 0));

            assertThat(answer).contains("offset 15");
            assertThat(deliveries.retainedCursors().get("log").position()).isEqualTo(journal.end());
        }

        @Test
        void refusesAnUnknownName() throws Exception {
            start();

            assertThatThrownBy(() -> deliveries.replay("nobody", JournalPosition.START))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("'nobody'");
        }
    }

    @Nested
    class Close {

        @Test
        void drainsEveryCollectorToTheJournalsEnd() throws Exception {
            start();
            RecordingCollector held = RecordingCollector.heldBy(gate);
            RecordingCollector open = RecordingCollector.open();
            deliveries.attach("held", held, "1.0", EventTypeFilter.of("*"), EARLIEST);
            deliveries.attach("open", open, "1.0", EventTypeFilter.of("*"), EARLIEST);
            append(journal, 0, 100);
            assertThat(held.awaitFirstCall(WAIT)).isTrue();

            Thread closing = new Thread(() -> deliveries.close(5_000), "test-close");
            closing.start();
            await("close to begin", 5_000, () -> deliveries.attached().isEmpty());
            gate.countDown();
            closing.join(10_000);

            assertThat(closing.isAlive()).isFalse();
            assertThat(held.ids()).containsExactlyElementsOf(ids(0, 100));
            assertThat(open.ids()).containsExactlyElementsOf(ids(0, 100));
            assertThat(cursors().load("held").orElseThrow().position()).isEqualTo(journal.end());
            assertThat(cursors().load("open").orElseThrow().position()).isEqualTo(journal.end());
            assertThat(DispatcherThreads.of("held")).isEmpty();
            assertThat(DispatcherThreads.of("open")).isEmpty();
        }
    }
}

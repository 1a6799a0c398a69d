package io.tracker.processing.internal.journal;

import static io.tracker.processing.internal.journal.TestJournals.append;
import static io.tracker.processing.internal.journal.TestJournals.appendBytes;
import static io.tracker.processing.internal.journal.TestJournals.appendUntilSegments;
import static io.tracker.processing.internal.journal.TestJournals.event;
import static io.tracker.processing.internal.journal.TestJournals.ids;
import static io.tracker.processing.internal.journal.TestJournals.readAll;
import static io.tracker.processing.internal.journal.TestJournals.segmentBases;
import static io.tracker.processing.internal.journal.TestJournals.segmentFile;
import static io.tracker.processing.internal.journal.TestJournals.recordBytes;
import static io.tracker.processing.internal.journal.TestJournals.recordBytesOf;
import static io.tracker.processing.internal.journal.TestJournals.settings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tracker.api.Event;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class JournalTest {

    @TempDir
    Path dir;

    private final List<Journal> opened = new ArrayList<>();

    @AfterEach
    void closeJournals() throws IOException {
        for (Journal journal : opened) {
            journal.close();
        }
    }

    private Journal open() throws IOException {
        return track(TestJournals.open(dir));
    }

    private Journal open(JournalSettings settings, RetentionGuard guard) throws IOException {
        return track(Journal.open(settings, guard));
    }

    private Journal track(Journal journal) {
        opened.add(journal);
        return journal;
    }

    private static Event withDimension(int n, int valueChars) {
        return event(n).toBuilder().dimension("padding", "p".repeat(valueChars)).build();
    }

    @Nested
    class AppendAndRead {

        @Test
        void readsBackWhatWasAppendedInOrder() throws Exception {
            Journal journal = open();
            List<Event> appended = new ArrayList<>();
            for (int n = 0; n < 100; n++) {
                Event event = event(n % 3 == 0 ? "click" : "impression", n);
                appended.add(event);
                journal.append(event);
            }

            assertThat(readAll(journal, JournalPosition.START)).containsExactlyElementsOf(appended);
        }

        @Test
        void givesConsecutiveOffsetsFromZero() throws Exception {
            Journal journal = open();

            List<Long> offsets = append(journal, 0, 200);

            assertThat(offsets).containsExactlyElementsOf(LongStream.range(0, 200).boxed().toList());
            assertThat(journal.end().offset()).isEqualTo(200);
        }

        @Test
        void continuesOffsetsAfterAReopenWithoutReusingAny() throws Exception {
            Journal first = Journal.open(settings(dir), RetentionGuard.REJECT);
            append(first, 0, 10);
            first.close();

            Journal reopened = open();
            assertThat(reopened.end().offset()).isEqualTo(10);
            List<Long> offsets = append(reopened, 10, 15);

            assertThat(offsets).containsExactly(10L, 11L, 12L, 13L, 14L);
            assertThat(ids(readAll(reopened, reopened.start()))).containsExactlyElementsOf(ids(0, 15));
        }

        @Test
        void continuesOffsetsAfterAReopenWhenOnlyTheActiveSegmentIsLeft() throws Exception {
            Journal first = Journal.open(settings(dir), RetentionGuard.REJECT);
            int appended = appendUntilSegments(first, 4);
            first.deleteSegmentsBefore(Long.MAX_VALUE);
            long activeBase = first.end().segmentBase();
            first.close();

            Journal reopened = open();

            assertThat(reopened.start().offset()).isEqualTo(activeBase);
            assertThat(reopened.end().offset()).isEqualTo(appended);
            assertThat(reopened.append(event(appended))).isEqualTo(appended);
            assertThat(ids(readAll(reopened, reopened.start()))).containsExactlyElementsOf(
                    ids((int) activeBase, appended + 1));
        }

        @Test
        void refusesAppendsOnceClosed() throws Exception {
            Journal journal = Journal.open(settings(dir), RetentionGuard.REJECT);
            journal.append(event(0));
            journal.close();
            journal.close(); // twice is harmless

            assertThatThrownBy(() -> journal.append(event(1)))
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("closed");
            assertThat(journal.end().offset()).isEqualTo(1);
        }

        @Test
        void rejectsAnEventLargerThanOneMebibyteAndGoesOn() throws Exception {
            Journal journal = open();
            journal.append(event(0));
            Event huge = withDimension(1, 1_100_000);

            assertThatThrownBy(() -> journal.append(huge))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("e-1")
                    .hasMessageContaining(Integer.toString(1 << 20));

            assertThat(journal.end().offset()).isEqualTo(1);
            assertThat(journal.append(event(2))).isEqualTo(1);
            assertThat(ids(readAll(journal, JournalPosition.START))).containsExactly("e-0", "e-2");
        }

        @Test
        void takesAnEventLargerThanASegmentButBelowTheRecordLimit() throws Exception {
            Journal journal = open();
            journal.append(event(0));
            Event large = withDimension(1, 600_000);

            assertThat(journal.append(large)).isEqualTo(1);
            assertThat(journal.append(event(2))).isEqualTo(2);

            assertThat(readAll(journal, JournalPosition.START)).containsExactly(event(0), large, event(2));
            assertThat(journal.segmentCount()).as("the large event has a segment of its own").isEqualTo(3);
        }
    }

    @Nested
    class Segments {

        @Test
        void rollsToANewSegmentNamedAfterItsFirstOffsetWhenSegmentBytesWouldBeExceeded() throws Exception {
            Journal journal = open();
            appendUntilSegments(journal, 4);
            int recordBytes = TestJournals.record(event(100)).remaining();

            List<Long> bases = segmentBases(dir);
            assertThat(bases).hasSize(4).startsWith(0L);
            assertThat(journal.segmentCount()).isEqualTo(4);
            for (int i = 0; i < bases.size() - 1; i++) {
                long size = journal.segmentLength(bases.get(i)); // the file is cut by the sync thread soon after
                assertThat(size).as("closed segment %d", bases.get(i))
                        .isLessThanOrEqualTo(TestJournals.SEGMENT_BYTES)
                        .isGreaterThan(TestJournals.SEGMENT_BYTES - recordBytes);
            }
            for (long base : bases) {
                List<Event> first = new ArrayList<>();
                try (JournalReader reader = journal.reader(new JournalPosition(base, base, 0))) {
                    reader.read(1, type -> true, first);
                }
                assertThat(first).extracting(Event::id).as("first record of segment %d", base)
                        .containsExactly("e-" + base);
            }
        }

        @Test
        void aRolledSegmentIsCutToItsRecordsByTheSyncThreadSoonAfter() throws Exception {
            Journal journal = open();
            appendUntilSegments(journal, 3);
            List<Long> bases = segmentBases(dir);

            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            for (long base : bases.subList(0, 2)) {
                while (Files.size(segmentFile(dir, base)) != journal.segmentLength(base)) {
                    assertThat(System.nanoTime()).as("segment %d cut", base).isLessThan(deadline);
                    Thread.sleep(5);
                }
                assertThat(recordBytesOf(segmentFile(dir, base))).isEqualTo(journal.segmentLength(base));
            }
        }

        @Test
        void aRolledSegmentLeftUncutByACrashIsCutOnOpenAndReadAcross() throws Exception {
            Journal first = Journal.open(settings(dir), RetentionGuard.REJECT);
            int appended = appendUntilSegments(first, 2);
            first.close();
            long older = segmentBases(dir).get(0);
            long cut = Files.size(segmentFile(dir, older));
            // as the file was when the process died between the roll and the cut: mapped length, zeros after
            try (java.io.RandomAccessFile file = new java.io.RandomAccessFile(segmentFile(dir, older).toFile(), "rw")) {
                file.setLength(TestJournals.SEGMENT_BYTES + 4096);
            }

            Journal reopened = open();

            assertThat(Files.size(segmentFile(dir, older))).isEqualTo(cut);
            assertThat(reopened.sizeBytes()).isEqualTo(recordBytes(dir));
            assertThat(ids(readAll(reopened, JournalPosition.START))).containsExactlyElementsOf(ids(0, appended));
        }

        @Test
        void aReaderCrossingSeveralSegmentsSeesEveryRecordOnceInOrder() throws Exception {
            Journal journal = open();
            int appended = appendUntilSegments(journal, 5) + 10;
            append(journal, appended - 10, appended);

            List<Event> events = new ArrayList<>();
            try (JournalReader reader = journal.reader(JournalPosition.START)) {
                int read;
                do {
                    read = reader.read(7, type -> true, events);
                    assertThat(read).isLessThanOrEqualTo(7);
                } while (read > 0);
                assertThat(reader.position()).isEqualTo(journal.end());
            }

            assertThat(ids(events)).containsExactlyElementsOf(ids(0, appended));
        }

        @Test
        void deletesOnlyWholeSegmentsThatLieBeforeTheOffset() throws Exception {
            Journal journal = open();
            int appended = appendUntilSegments(journal, 4);
            List<Long> bases = segmentBases(dir);

            assertThat(journal.deleteSegmentsBefore(bases.get(1) - 1)).isZero();
            assertThat(segmentBases(dir)).isEqualTo(bases);

            assertThat(journal.deleteSegmentsBefore(bases.get(1))).isEqualTo(1);
            assertThat(segmentBases(dir)).isEqualTo(bases.subList(1, 4));

            assertThat(journal.deleteSegmentsBefore(bases.get(2) + 1)).isEqualTo(1);
            assertThat(segmentBases(dir)).isEqualTo(bases.subList(2, 4));
            assertThat(journal.start()).isEqualTo(new JournalPosition(bases.get(2), bases.get(2), 0));
            assertThat(journal.segmentCount()).isEqualTo(2);
            assertThat(ids(readAll(journal, journal.start())))
                    .containsExactlyElementsOf(ids(bases.get(2).intValue(), appended));
        }

        @Test
        void neverDeletesTheActiveSegment() throws Exception {
            Journal journal = open();
            int appended = appendUntilSegments(journal, 3);
            long activeBase = journal.end().segmentBase();

            assertThat(journal.deleteSegmentsBefore(Long.MAX_VALUE)).isEqualTo(2);

            assertThat(segmentBases(dir)).containsExactly(activeBase);
            assertThat(journal.deleteSegmentsBefore(Long.MAX_VALUE)).isZero();
            assertThat(journal.append(event(appended))).isEqualTo(appended);
            assertThat(ids(readAll(journal, journal.start())))
                    .containsExactlyElementsOf(ids((int) activeBase, appended + 1));
        }

        @Test
        void describesItsStartEndSizeAndSegments() throws Exception {
            Journal journal = open();
            assertThat(journal.start()).isEqualTo(JournalPosition.START);
            assertThat(journal.end()).isEqualTo(JournalPosition.START);
            assertThat(journal.sizeBytes()).isZero();
            assertThat(journal.segmentCount()).isEqualTo(1);

            int appended = appendUntilSegments(journal, 3);
            long activeBase = segmentBases(dir).get(2);

            assertThat(journal.start()).isEqualTo(JournalPosition.START);
            assertThat(journal.end()).isEqualTo(new JournalPosition(appended, activeBase,
                    recordBytesOf(segmentFile(dir, activeBase))));
            assertThat(journal.sizeBytes()).isEqualTo(recordBytes(dir));
            assertThat(journal.segmentCount()).isEqualTo(3);

            journal.deleteSegmentsBefore(activeBase);

            assertThat(journal.start()).isEqualTo(new JournalPosition(activeBase, activeBase, 0));
            assertThat(journal.sizeBytes()).isEqualTo(recordBytes(dir)).isPositive();
            assertThat(journal.segmentCount()).isEqualTo(1);
        }

        @Test
        void reopenedJournalKnowsItsSegmentsAndSize() throws Exception {
            Journal first = Journal.open(settings(dir), RetentionGuard.REJECT);
            int appended = appendUntilSegments(first, 3);
            JournalPosition end = first.end();
            first.close();

            Journal reopened = open();

            assertThat(reopened.end()).isEqualTo(end);
            assertThat(reopened.start()).isEqualTo(JournalPosition.START);
            assertThat(reopened.segmentCount()).isEqualTo(3);
            assertThat(reopened.sizeBytes()).isEqualTo(recordBytes(dir));
            assertThat(ids(readAll(reopened, JournalPosition.START))).containsExactlyElementsOf(ids(0, appended));
        }
    }

    @Nested
    class TornTail {

        enum Damage {
            GARBAGE {
                @Override
                byte[] bytes() {
                    byte[] garbage = new byte[100];
                    for (int i = 0; i < garbage.length; i++) {
                        garbage[i] = (byte) (i * 37 + 11);
                    }
                    return garbage;
                }
            },
            FEWER_BYTES_THAN_A_HEADER {
                @Override
                byte[] bytes() {
                    return Arrays.copyOf(record(), 5);
                }
            },
            HEADER_CLAIMING_MORE_THAN_IS_THERE {
                @Override
                byte[] bytes() {
                    byte[] whole = record();
                    return Arrays.copyOf(whole, whole.length - 10);
                }
            },
            WRONG_CHECKSUM {
                @Override
                byte[] bytes() {
                    byte[] whole = record();
                    whole[5] ^= 0x5A;
                    return whole;
                }
            },
            ZEROS {
                @Override
                byte[] bytes() {
                    return new byte[64];
                }
            };

            abstract byte[] bytes();

            static byte[] record() {
                ByteBuffer record = TestJournals.record(event(999));
                byte[] bytes = new byte[record.remaining()];
                record.get(bytes);
                return bytes;
            }
        }

        @ParameterizedTest
        @EnumSource(Damage.class)
        void isCutOffOnReopenAndTheNextAppendContinuesAfterTheLastWholeRecord(Damage damage) throws Exception {
            Journal first = Journal.open(settings(dir), RetentionGuard.REJECT);
            append(first, 0, 20);
            first.close();
            Path segment = segmentFile(dir, 0);
            long validBytes = Files.size(segment);
            appendBytes(segment, damage.bytes());

            Journal reopened = open();

            assertThat(recordBytesOf(segment)).isEqualTo(validBytes);
            assertThat(Arrays.copyOfRange(Files.readAllBytes(segment), (int) validBytes,
                    (int) validBytes + damage.bytes().length)).as("the damage is cut off").containsOnly(0);
            assertThat(reopened.end()).isEqualTo(new JournalPosition(20, 0, validBytes));
            assertThat(reopened.sizeBytes()).isEqualTo(validBytes);
            assertThat(ids(readAll(reopened, JournalPosition.START))).containsExactlyElementsOf(ids(0, 20));
            assertThat(reopened.append(event(20))).isEqualTo(20);
            assertThat(ids(readAll(reopened, JournalPosition.START))).containsExactlyElementsOf(ids(0, 21));
        }

        @Test
        void onlyTheNewestSegmentIsCut() throws Exception {
            Journal first = Journal.open(settings(dir), RetentionGuard.REJECT);
            int appended = appendUntilSegments(first, 3);
            first.close();
            List<Long> bases = segmentBases(dir);
            long newest = bases.get(2);
            long validBytes = Files.size(segmentFile(dir, newest));
            appendBytes(segmentFile(dir, newest), Damage.HEADER_CLAIMING_MORE_THAN_IS_THERE.bytes());

            Journal reopened = open();

            assertThat(recordBytesOf(segmentFile(dir, newest))).isEqualTo(validBytes);
            assertThat(segmentBases(dir)).isEqualTo(bases);
            assertThat(reopened.end().offset()).isEqualTo(appended);
            assertThat(reopened.sizeBytes()).isEqualTo(recordBytes(dir));
            assertThat(reopened.append(event(appended))).isEqualTo(appended);
            assertThat(ids(readAll(reopened, JournalPosition.START))).containsExactlyElementsOf(ids(0, appended + 1));
        }

        @Test
        void aNewestSegmentWithNothingWholeIsEmptiedAndKeepsItsBase() throws Exception {
            Journal first = Journal.open(settings(dir), RetentionGuard.REJECT);
            int appended = appendUntilSegments(first, 2);
            first.close();
            long newest = segmentBases(dir).get(1);
            Files.write(segmentFile(dir, newest), Damage.WRONG_CHECKSUM.bytes());

            Journal reopened = open();

            assertThat(recordBytesOf(segmentFile(dir, newest))).isZero();
            assertThat(reopened.end()).isEqualTo(new JournalPosition(newest, newest, 0));
            assertThat(reopened.append(event(appended))).isEqualTo(newest);
        }
    }

    @Nested
    class Quota {

        private static final long QUOTA = 2 * TestJournals.SEGMENT_BYTES;

        @Test
        void withTheRejectGuardAnAppendBeyondTheQuotaFailsNamingTheQuota() throws Exception {
            Journal journal = open(settings(dir, TestJournals.SEGMENT_BYTES, QUOTA), RetentionGuard.REJECT);
            int n = 0;
            JournalFullException full = null;
            while (full == null && n < 1000) {
                try {
                    journal.append(event(n));
                    n++;
                } catch (JournalFullException e) {
                    full = e;
                }
            }

            assertThat(full).isNotNull();
            assertThat(full.getMessage()).contains("quota of " + QUOTA + " bytes");
            assertThat(journal.end().offset()).isEqualTo(n);
            assertThat(journal.sizeBytes()).isLessThanOrEqualTo(QUOTA);
            assertThat(journal.start().offset()).as("nothing was deleted").isZero();
            assertThat(ids(readAll(journal, JournalPosition.START))).containsExactlyElementsOf(ids(0, n));
            int failed = n;
            assertThatThrownBy(() -> journal.append(event(failed))).isInstanceOf(JournalFullException.class);
        }

        @Test
        void aReleasingGuardIsAskedForTheOldestSegmentWhichIsThenDeleted() throws Exception {
            List<long[]> asked = new CopyOnWriteArrayList<>();
            List<List<Long>> filesWhenAsked = new CopyOnWriteArrayList<>();
            RetentionGuard guard = (base, end) -> {
                asked.add(new long[] {base, end});
                try {
                    filesWhenAsked.add(segmentBases(dir));
                } catch (IOException e) {
                    throw new AssertionError(e);
                }
                return true;
            };
            Journal journal = open(settings(dir, TestJournals.SEGMENT_BYTES, QUOTA), guard);

            append(journal, 0, 400);

            assertThat(asked).isNotEmpty();
            for (int i = 0; i < asked.size(); i++) {
                List<Long> files = filesWhenAsked.get(i);
                assertThat(asked.get(i)).as("call %d", i).containsExactly(files.get(0), files.get(1));
                if (i > 0) {
                    assertThat(asked.get(i)[0]).isEqualTo(asked.get(i - 1)[1]);
                }
            }
            long[] last = asked.get(asked.size() - 1);
            assertThat(journal.start().offset()).isEqualTo(last[1]);
            assertThat(segmentBases(dir).get(0)).isEqualTo(last[1]);
            assertThat(journal.sizeBytes()).isEqualTo(recordBytes(dir)).isLessThanOrEqualTo(QUOTA);
            assertThat(ids(readAll(journal, journal.start())))
                    .containsExactlyElementsOf(ids((int) last[1], 400));
        }

        @Test
        void theActiveSegmentIsNeverGivenToTheGuard() throws Exception {
            List<long[]> asked = new CopyOnWriteArrayList<>();
            Journal journal = open(settings(dir, TestJournals.SEGMENT_BYTES, QUOTA), (base, end) -> {
                asked.add(new long[] {base, end});
                return true;
            });
            int appended = appendUntilSegments(journal, 2) + 5;
            append(journal, appended - 5, appended);
            Event biggerThanTheQuota = withDimension(appended, (int) QUOTA + 100);

            assertThatThrownBy(() -> journal.append(biggerThanTheQuota))
                    .isInstanceOf(JournalFullException.class)
                    .hasMessageContaining("quota of " + QUOTA + " bytes");

            long activeBase = journal.end().segmentBase();
            assertThat(asked).isNotEmpty().allSatisfy(call -> assertThat(call[0]).isNotEqualTo(activeBase));
            assertThat(journal.segmentCount()).isEqualTo(1);
            assertThat(journal.end().offset()).isEqualTo(appended);
        }
    }

    @Nested
    class Concurrency {

        @Test
        void withFsyncAlwaysConcurrentAppendsAllReturnAndAreReadable() throws Exception {
            JournalSettings always = new JournalSettings(dir, 64 * 1024, TestJournals.LARGE_QUOTA,
                    JournalSettings.FsyncPolicy.ALWAYS, 1000);
            Journal journal = open(always, RetentionGuard.REJECT);
            int threads = 8;
            int each = 40;
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                List<Future<List<Long>>> results = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    int first = t * each;
                    results.add(pool.submit(() -> append(journal, first, first + each)));
                }
                List<Long> offsets = new ArrayList<>();
                for (Future<List<Long>> result : results) {
                    offsets.addAll(result.get(20, TimeUnit.SECONDS));
                }

                assertThat(offsets).containsExactlyInAnyOrderElementsOf(
                        LongStream.range(0, threads * each).boxed().toList());
                assertThat(ids(readAll(journal, JournalPosition.START)))
                        .containsExactlyInAnyOrderElementsOf(ids(0, threads * each));
            } finally {
                pool.shutdownNow();
            }
        }

        @Test
        void concurrentAppendersAndAConcurrentReaderSeeEveryRecordOnceInOffsetOrder() throws Exception {
            Journal journal = open(settings(dir, 16 * 1024, TestJournals.LARGE_QUOTA), RetentionGuard.REJECT);
            int threads = 8;
            int each = 2000;
            int total = threads * each;
            AtomicReferenceArray<String> idAtOffset = new AtomicReferenceArray<>(total);
            CountDownLatch go = new CountDownLatch(1);
            AtomicReference<Throwable> readFailure = new AtomicReference<>();
            List<Event> seen = new ArrayList<>(total);
            Thread reader = new Thread(() -> {
                try (JournalReader journalReader = journal.reader(JournalPosition.START)) {
                    go.await();
                    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                    while (seen.size() < total && System.nanoTime() < deadline) {
                        if (journalReader.read(500, type -> true, seen) == 0) {
                            journal.awaitAppend(journalReader.position().offset(), 5);
                        }
                    }
                } catch (Throwable e) {
                    readFailure.set(e);
                }
            }, "test-reader");
            reader.start();
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                List<Future<?>> appenders = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    String thread = "t" + t + "-";
                    appenders.add(pool.submit(() -> {
                        go.await();
                        for (int i = 0; i < each; i++) {
                            Event event = Event.builder(thread + i, "impression", TestJournals.T0)
                                    .dimension("i", Integer.toString(i)).build();
                            long offset = journal.append(event);
                            if (!idAtOffset.compareAndSet((int) offset, null, event.id())) {
                                throw new AssertionError("offset " + offset + " given twice");
                            }
                        }
                        return null;
                    }));
                }
                go.countDown();
                for (Future<?> appender : appenders) {
                    appender.get(30, TimeUnit.SECONDS);
                }
                reader.join(30_000);
            } finally {
                pool.shutdownNow();
            }

            assertThat(readFailure.get()).isNull();
            assertThat(reader.isAlive()).isFalse();
            assertThat(seen).hasSize(total);
            int[] nextPerThread = new int[threads];
            for (int offset = 0; offset < total; offset++) {
                String id = seen.get(offset).id();
                assertThat(id).as("record at offset %d", offset).isEqualTo(idAtOffset.get(offset));
                int thread = Integer.parseInt(id.substring(1, id.indexOf('-')));
                int sequence = Integer.parseInt(id.substring(id.indexOf('-') + 1));
                assertThat(sequence).as("thread %d's events in their order", thread).isEqualTo(nextPerThread[thread]);
                assertThat(seen.get(offset).dimensions()).containsEntry("i", Integer.toString(sequence));
                nextPerThread[thread]++;
            }
        }
    }

    @Nested
    class AwaitAppend {

        private Thread awaiting(Journal journal, long offset, long timeoutMs, long[] elapsedMs) {
            Thread waiter = new Thread(() -> {
                long started = System.nanoTime();
                try {
                    journal.awaitAppend(offset, timeoutMs);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                elapsedMs[0] = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            }, "test-await-append");
            waiter.start();
            return waiter;
        }

        private void awaitWaiting(Thread waiter) throws Exception {
            TestJournals.await("the waiter to block", 5_000,
                    () -> waiter.getState() == Thread.State.TIMED_WAITING);
        }

        @Test
        void returnsPromptlyWhenAnotherThreadAppends() throws Exception {
            Journal journal = open();
            append(journal, 0, 3);
            long[] elapsedMs = new long[1];
            Thread waiter = awaiting(journal, 3, 20_000, elapsedMs);
            awaitWaiting(waiter);

            append(journal, 3, 5); // past offset 3, whichever way "past" is counted

            waiter.join(5_000);
            assertThat(waiter.isAlive()).isFalse();
            assertThat(elapsedMs[0]).isLessThan(10_000);
        }

        @Test
        void returnsWhenTheJournalCloses() throws Exception {
            Journal journal = Journal.open(settings(dir), RetentionGuard.REJECT);
            append(journal, 0, 3);
            long[] elapsedMs = new long[1];
            Thread waiter = awaiting(journal, 3, 20_000, elapsedMs);
            awaitWaiting(waiter);

            journal.close();

            waiter.join(5_000);
            assertThat(waiter.isAlive()).isFalse();
            assertThat(elapsedMs[0]).isLessThan(10_000);
        }

        @Test
        void returnsAfterTheTimeoutWhenNoRecordExistsAtTheOffset() throws Exception {
            Journal journal = open();
            append(journal, 0, 3);
            long started = System.nanoTime();

            journal.awaitAppend(3, 150);

            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)).isBetween(140L, 5_000L);
        }

        @Test
        void waitsForTheTimeoutWhenNoRecordPastTheOffsetExists() throws Exception {
            Journal journal = open();
            long started = System.nanoTime();

            journal.awaitAppend(-1, 150); // an empty journal: nothing past -1

            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)).isGreaterThanOrEqualTo(140L);

            append(journal, 0, 3);
            started = System.nanoTime();

            journal.awaitAppend(2, 150); // offset 2 is the last record: nothing past it

            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)).isGreaterThanOrEqualTo(140L);
        }
    }
}

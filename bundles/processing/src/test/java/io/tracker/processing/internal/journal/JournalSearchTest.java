package io.tracker.processing.internal.journal;

import static io.tracker.processing.internal.journal.TestJournals.T0;
import static io.tracker.processing.internal.journal.TestJournals.appendUntilSegments;
import static io.tracker.processing.internal.journal.TestJournals.segmentBases;
import static org.assertj.core.api.Assertions.assertThat;

import io.tracker.api.Event;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalSearchTest {

    @TempDir
    Path dir;

    private Journal journal;
    /** Event n has offset n and timestamp T0 + n ms. */
    private int appended;

    @BeforeEach
    void fill() throws Exception {
        journal = TestJournals.open(dir);
        appended = appendUntilSegments(journal, 4) + 3;
        TestJournals.append(journal, appended - 3, appended);
    }

    @AfterEach
    void close() throws IOException {
        journal.close();
    }

    private Event firstAt(JournalPosition position) throws IOException {
        List<Event> out = new ArrayList<>();
        try (JournalReader reader = journal.reader(position)) {
            reader.read(1, type -> true, out);
        }
        assertThat(out).as("a record at %s", position).hasSize(1);
        return out.get(0);
    }

    @Test
    void atOffsetGivesAPositionFromWhichTheRecordAtThatOffsetIsRead() throws Exception {
        for (int offset = 0; offset < appended; offset++) {
            JournalPosition position = JournalSearch.atOffset(journal, offset);

            assertThat(position.offset()).isEqualTo(offset);
            assertThat(firstAt(position).id()).isEqualTo("e-" + offset);
        }
    }

    @Test
    void atOffsetOfASegmentsFirstRecordIsTheStartOfThatSegment() throws Exception {
        for (long base : segmentBases(dir)) {
            assertThat(JournalSearch.atOffset(journal, base)).isEqualTo(new JournalPosition(base, base, 0));
        }
    }

    @Test
    void atOffsetClampsToWhatTheJournalHolds() throws Exception {
        long secondBase = segmentBases(dir).get(1);
        journal.deleteSegmentsBefore(secondBase);

        assertThat(JournalSearch.atOffset(journal, 0)).isEqualTo(journal.start());
        assertThat(JournalSearch.atOffset(journal, secondBase - 1)).isEqualTo(journal.start());
        assertThat(JournalSearch.atOffset(journal, -5)).isEqualTo(journal.start());
        assertThat(JournalSearch.atOffset(journal, appended)).isEqualTo(journal.end());
        assertThat(JournalSearch.atOffset(journal, appended + 1000)).isEqualTo(journal.end());
        assertThat(JournalSearch.atOffset(journal, Long.MAX_VALUE)).isEqualTo(journal.end());
        assertThat(firstAt(JournalSearch.atOffset(journal, secondBase + 1)).id()).isEqualTo("e-" + (secondBase + 1));
    }

    @Test
    void firstAtOrAfterFindsTheFirstEventReceivedAtOrAfterTheTime() throws Exception {
        for (int n : new int[] {1, 13, appended / 2, appended - 1}) {
            JournalPosition exact = JournalSearch.firstAtOrAfter(journal, T0.plusMillis(n));
            JournalPosition between = JournalSearch.firstAtOrAfter(journal, T0.plusMillis(n - 1).plusNanos(500_000));

            assertThat(exact.offset()).isEqualTo(n);
            assertThat(firstAt(exact).id()).isEqualTo("e-" + n);
            assertThat(between.offset()).isEqualTo(n);
            assertThat(firstAt(between).id()).isEqualTo("e-" + n);
        }
    }

    @Test
    void firstAtOrAfterFindsTheFirstRecordOfALaterSegment() throws Exception {
        long thirdBase = segmentBases(dir).get(2);

        JournalPosition position = JournalSearch.firstAtOrAfter(journal, T0.plusMillis(thirdBase));

        assertThat(position.offset()).isEqualTo(thirdBase);
        assertThat(firstAt(position).id()).isEqualTo("e-" + thirdBase);
    }

    @Test
    void firstAtOrAfterATimeBeforeEveryEventIsTheStart() throws Exception {
        assertThat(JournalSearch.firstAtOrAfter(journal, T0.minusSeconds(3600))).isEqualTo(journal.start());

        long secondBase = segmentBases(dir).get(1);
        journal.deleteSegmentsBefore(secondBase);

        assertThat(JournalSearch.firstAtOrAfter(journal, T0)).isEqualTo(journal.start());
    }

    @Test
    void firstAtOrAfterATimeAfterEveryEventIsTheEnd() throws Exception {
        JournalPosition position = JournalSearch.firstAtOrAfter(journal, T0.plusMillis(appended));

        assertThat(position.offset()).isEqualTo(journal.end().offset());
        List<Event> none = new ArrayList<>();
        try (JournalReader reader = journal.reader(position)) {
            assertThat(reader.read(10, type -> true, none)).isZero();
        }
    }
}

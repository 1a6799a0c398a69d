package io.tracker.processing.internal.journal;

import static io.tracker.processing.internal.journal.TestJournals.appendBytes;
import static io.tracker.processing.internal.journal.TestJournals.appendUntilSegments;
import static io.tracker.processing.internal.journal.TestJournals.event;
import static io.tracker.processing.internal.journal.TestJournals.ids;
import static io.tracker.processing.internal.journal.TestJournals.segmentBases;
import static io.tracker.processing.internal.journal.TestJournals.segmentFile;
import static io.tracker.processing.internal.journal.TestJournals.settings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tracker.api.Event;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalReaderTest {

    @TempDir
    Path dir;

    private Journal journal;

    @AfterEach
    void close() throws IOException {
        if (journal != null) {
            journal.close();
        }
    }

    private static Event typed(int n) {
        return event(n % 2 == 0 ? "click" : "impression", n);
    }

    @Test
    void skipsRecordsOfOtherTypesButMovesPastThem() throws Exception {
        journal = TestJournals.open(dir);
        for (int n = 0; n < 10; n++) {
            journal.append(typed(n));
        }
        List<String> asked = new ArrayList<>();
        List<Event> out = new ArrayList<>();

        try (JournalReader reader = journal.reader(JournalPosition.START)) {
            int consumed = reader.read(5, type -> asked.add(type) && type.equals("impression"), out);

            assertThat(consumed).isEqualTo(5);
            assertThat(ids(out)).containsExactly("e-1", "e-3");
            assertThat(asked).containsExactly("click", "impression", "click", "impression", "click");
            assertThat(reader.position().offset()).isEqualTo(5);

            assertThat(reader.read(100, type -> false, out)).isEqualTo(5);
            assertThat(out).hasSize(2);
            assertThat(reader.position()).isEqualTo(journal.end());
        }
    }

    @Test
    void doesNotBuildTheEventsItSkips() throws Exception {
        Journal first = Journal.open(settings(dir), RetentionGuard.REJECT);
        first.append(event("click", 0));
        first.close();
        // a record with a valid checksum whose event cannot be built: its last metric has an unknown kind
        Event undecodable = Event.builder("e-1", "impression", TestJournals.T0).metric("m", 5L).build();
        ByteBuffer payload = ByteBuffer.allocate(1024);
        EventCodec.encode(undecodable, payload);
        payload.flip();
        payload.put(payload.limit() - 9, (byte) 'X');
        ByteBuffer record = TestJournals.record(payload);
        byte[] bytes = new byte[record.remaining()];
        record.get(bytes);
        appendBytes(segmentFile(dir, 0), bytes);
        journal = TestJournals.open(dir);
        journal.append(event("click", 2));
        assertThat(journal.end().offset()).isEqualTo(3);

        List<Event> clicks = new ArrayList<>();
        try (JournalReader reader = journal.reader(JournalPosition.START)) {
            assertThat(reader.read(10, "click"::equals, clicks)).isEqualTo(3);
            assertThat(reader.position()).isEqualTo(journal.end());
        }
        assertThat(ids(clicks)).containsExactly("e-0", "e-2");

        try (JournalReader reader = journal.reader(JournalPosition.START)) {
            List<Event> all = new ArrayList<>();
            assertThat(reader.read(10, type -> true, all)).as("what comes before it first").isEqualTo(1);
            assertThatThrownBy(() -> reader.read(10, type -> true, new ArrayList<>()))
                    .hasMessageContaining("unknown metric kind");
        }
    }

    @Test
    void readsNothingAtTheEnd() throws Exception {
        journal = TestJournals.open(dir);
        TestJournals.append(journal, 0, 3);
        List<Event> out = new ArrayList<>();

        try (JournalReader reader = journal.reader(journal.end())) {
            assertThat(reader.read(10, type -> true, out)).isZero();
            assertThat(out).isEmpty();
            assertThat(reader.position()).isEqualTo(journal.end());

            journal.append(event(3));

            assertThat(reader.read(10, type -> true, out)).isEqualTo(1);
            assertThat(ids(out)).containsExactly("e-3");
        }
    }

    @Test
    void seekContinuesFromAnotherPosition() throws Exception {
        journal = TestJournals.open(dir);
        int appended = appendUntilSegments(journal, 3);
        JournalPosition middle = JournalSearch.atOffset(journal, appended - 5);
        List<Event> out = new ArrayList<>();

        try (JournalReader reader = journal.reader(JournalPosition.START)) {
            reader.read(3, type -> true, out);
            reader.seek(middle);
            assertThat(reader.position()).isEqualTo(middle);
            reader.read(100, type -> true, out);
        }

        assertThat(ids(out)).containsExactlyElementsOf(concat(ids(0, 3), ids(appended - 5, appended)));
    }

    @Test
    void throwsSegmentGoneWhenItsSegmentWasDeleted() throws Exception {
        journal = TestJournals.open(dir);
        appendUntilSegments(journal, 3);
        long secondBase = segmentBases(dir).get(1);
        JournalReader reader = journal.reader(JournalPosition.START);

        journal.deleteSegmentsBefore(secondBase);

        assertThatThrownBy(() -> reader.read(10, type -> true, new ArrayList<>()))
                .isInstanceOf(JournalReader.SegmentGoneException.class)
                .hasMessageContaining("segment 0 ");
        assertThat(reader.position()).isEqualTo(JournalPosition.START);

        reader.seek(journal.start());
        List<Event> out = new ArrayList<>();
        reader.read(1, type -> true, out);
        assertThat(ids(out)).containsExactly("e-" + secondBase);
        reader.close();
    }

    @Test
    void aCorruptRecordInAClosedSegmentFailsNamingItsOffsetAndIsNotSkipped() throws Exception {
        journal = TestJournals.open(dir);
        appendUntilSegments(journal, 3);
        int corrupt = 17;
        JournalPosition at = JournalSearch.atOffset(journal, corrupt);
        JournalPosition after = JournalSearch.atOffset(journal, corrupt + 1);
        TestJournals.flipByte(segmentFile(dir, at.segmentBase()),
                at.filePosition() + RecordFormat.HEADER_BYTES + 3);

        try (JournalReader reader = journal.reader(JournalPosition.START)) {
            List<Event> out = new ArrayList<>();
            assertThat(reader.read(1000, type -> true, out)).as("the records before it come first").isEqualTo(corrupt);
            assertThat(reader.position().offset()).isEqualTo(corrupt);
            assertThatThrownBy(() -> reader.read(1000, type -> true, out))
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("offset " + corrupt + " ")
                    .hasMessageContaining("checksum mismatch")
                    .hasMessageContaining(segmentFile(dir, 0).toString());
            assertThat(reader.position().offset()).as("stays at the unreadable record").isEqualTo(corrupt);

            assertThatThrownBy(() -> reader.read(1000, type -> false, new ArrayList<>()))
                    .as("a filter does not skip it either")
                    .hasMessageContaining("offset " + corrupt + " ");
        }
        try (JournalReader reader = journal.reader(after)) {
            List<Event> out = new ArrayList<>();
            reader.read(1, type -> true, out);
            assertThat(ids(out)).containsExactly("e-" + (corrupt + 1));
        }
    }

    @Test
    void aCorruptLengthFailsNamingItsOffset() throws Exception {
        journal = TestJournals.open(dir);
        TestJournals.append(journal, 0, 10);
        JournalPosition at = JournalSearch.atOffset(journal, 4);
        TestJournals.flipByte(segmentFile(dir, 0), at.filePosition());

        try (JournalReader reader = journal.reader(JournalPosition.START)) {
            assertThat(reader.read(1000, type -> true, new ArrayList<>())).isEqualTo(4);
            assertThatThrownBy(() -> reader.read(1000, type -> true, new ArrayList<>()))
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("offset 4 ")
                    .hasMessageContaining("impossible record length");
        }
    }

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }
}

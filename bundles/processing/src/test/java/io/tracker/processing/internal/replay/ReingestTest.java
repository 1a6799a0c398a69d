package io.tracker.processing.internal.replay;

import static io.tracker.processing.internal.replay.ReplayedEvents.assertSameApartFromNumberTypes;
import static io.tracker.processing.internal.replay.ReplayedEvents.event;
import static io.tracker.processing.internal.replay.ReplayedEvents.events;
import static io.tracker.processing.internal.replay.ReplayedEvents.ids;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tracker.api.Event;
import io.tracker.processing.internal.journal.Journal;
import io.tracker.processing.internal.journal.JournalFullException;
import io.tracker.processing.internal.journal.JournalPosition;
import io.tracker.processing.internal.journal.JournalSettings;
import io.tracker.processing.internal.journal.RetentionGuard;
import io.tracker.processing.internal.journal.TestJournals;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReingestTest {

    @TempDir
    Path tmp;

    private Path in;
    private final List<Journal> opened = new ArrayList<>();

    @BeforeEach
    void createInputFolder() throws IOException {
        in = Files.createDirectories(tmp.resolve("logs"));
    }

    @AfterEach
    void closeJournals() throws IOException {
        for (Journal journal : opened) {
            journal.close();
        }
    }

    /** Small segments, a large quota, never releases data. */
    private Journal openJournal() throws IOException {
        Journal journal = TestJournals.open(tmp.resolve("journal"));
        opened.add(journal);
        return journal;
    }

    private Journal openJournal(long segmentBytes, long quotaBytes) throws IOException {
        Journal journal = Journal.open(new JournalSettings(tmp.resolve("journal"), segmentBytes, quotaBytes,
                JournalSettings.FsyncPolicy.INTERVAL, 100), RetentionGuard.REJECT);
        opened.add(journal);
        return journal;
    }

    private static List<Event> journalContent(Journal journal) throws IOException {
        return TestJournals.readAll(journal, JournalPosition.START);
    }

    /** A log file as the collector writes it. */
    private Path collectorFile(String name, List<Event> events) throws IOException {
        Path file = in.resolve(name);
        try (OutputStream out = Files.newOutputStream(file)) {
            CollectorLines.write(out, events);
        }
        return file;
    }

    /** A gzipped log file, as a rotated collector file would be compressed. */
    private Path gzippedFile(String name, String text) throws IOException {
        Path file = in.resolve(name);
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return file;
    }

    private Path textFile(String name, String text) throws IOException {
        return Files.writeString(in.resolve(name), text, StandardCharsets.UTF_8);
    }

    private static String lines(List<Event> events) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CollectorLines.write(out, events);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void appendsEveryLineOfAFileToTheJournalInOrder() throws Exception {
        Journal journal = openJournal();
        List<Event> written = events(0, 50);
        Path file = collectorFile("impression.jsonl", written);

        Reingest.Report report = new Reingest(journal).from(file);

        assertThat(report.events()).isEqualTo(50);
        assertThat(report.badLines()).isZero();
        assertThat(report.firstProblems()).isEmpty();
        List<Event> content = journalContent(journal);
        assertThat(content).extracting(Event::id).containsExactlyElementsOf(ids(0, 50));
        for (int i = 0; i < written.size(); i++) {
            assertSameApartFromNumberTypes(content.get(i), written.get(i));
        }
        assertThat(journal.segmentCount()).as("the test spans several segments").isGreaterThan(1);
    }

    @Test
    void eventsWrittenByTheLogCollectorComeBackThroughTheJournal() throws Exception {
        Journal journal = openJournal();
        List<Event> written = List.of(
                Event.builder("a-1", "impression", Instant.parse("2026-11-28T10:15:30.123456789Z"))
                        .dimension("cid", "42").dimension("crid", "7")
                        .dimension("page", "https://example.com/?q=\"x\"&y=\u00e9\n")
                        .metric("n", 3).metric("price", new BigDecimal("1.25")).metric("cpm", 0.37d)
                        .metric("bytes", BigInteger.valueOf(1L << 40)).metric("small", (short) 2)
                        .build(),
                Event.builder("a-2", "click", Instant.parse("2026-11-28T10:15:31Z")).build(),
                Event.builder("a-3", "conversion", Instant.parse("2026-11-28T10:15:32.5Z"))
                        .metric("revenue", new BigDecimal("-19.990")).metric("scaled", new BigDecimal("2.5E+7"))
                        .metric("max", Long.MAX_VALUE)
                        .build());
        Path file = collectorFile("mixed.jsonl", written);

        Reingest.Report report = new Reingest(journal).from(file);

        assertThat(report.events()).isEqualTo(3);
        assertThat(report.badLines()).isZero();
        List<Event> content = journalContent(journal);
        assertThat(content).hasSize(3);
        for (int i = 0; i < written.size(); i++) {
            assertSameApartFromNumberTypes(content.get(i), written.get(i));
        }
        assertThat(content.get(0).metrics().get("price")).isEqualTo(new BigDecimal("1.25"));
        assertThat(content.get(2).metrics().get("revenue")).as("scale kept").isEqualTo(new BigDecimal("-19.990"));
    }

    @Test
    void countsBadLinesSkipsBlankOnesAndShowsTheFirstFiveWithFileAndLine() throws Exception {
        Journal journal = openJournal();
        String good0 = CollectorLines.line(event(0));
        String good1 = CollectorLines.line(event(1));
        String good2 = CollectorLines.line(event(2));
        String good3 = CollectorLines.line(event(3));
        Path file = textFile("impression.jsonl", String.join("\n",
                good0,                                                            // 1
                "garbage",                                                        // 2 bad
                good1,                                                            // 3
                "",                                                               // 4 blank
                "   \t",                                                          // 5 blank
                "{}",                                                             // 6 bad
                good2,                                                            // 7
                "{\"id\":\"x\",\"type\":\"t\",\"timestamp\":\"yesterday\"}",      // 8 bad
                "[1]",                                                            // 9 bad
                "{",                                                              // 10 bad
                "42",                                                             // 11 bad
                "{\"id\":\"x\",\"type\":\"t\"}",                                  // 12 bad
                good3) + "\n");                                                   // 13

        Reingest.Report report = new Reingest(journal).from(file);

        assertThat(report.events()).isEqualTo(4);
        assertThat(report.badLines()).isEqualTo(7);
        assertThat(report.firstProblems()).hasSize(5);
        assertThat(report.firstProblems()).extracting(p -> p.substring(0, p.indexOf(' ')))
                .containsExactly("impression.jsonl:2", "impression.jsonl:6", "impression.jsonl:8",
                        "impression.jsonl:9", "impression.jsonl:10");
        assertThat(report.firstProblems().get(2)).contains("yesterday");
        assertThat(report.toString()).startsWith("4 events re-ingested, 7 bad lines: impression.jsonl:2 ");
        assertThat(journalContent(journal)).extracting(Event::id).containsExactlyElementsOf(ids(0, 4));
    }

    @Test
    void acceptsWindowsLineEndingsAndAMissingFinalNewline() throws Exception {
        Journal journal = openJournal();
        Path file = textFile("impression.jsonl",
                CollectorLines.line(event(0)) + "\r\n" + CollectorLines.line(event(1)) + "\r\n"
                        + CollectorLines.line(event(2)));

        Reingest.Report report = new Reingest(journal).from(file);

        assertThat(report.events()).isEqualTo(3);
        assertThat(report.badLines()).isZero();
        assertThat(journalContent(journal)).extracting(Event::id).containsExactlyElementsOf(ids(0, 3));
    }

    @Test
    void aFolderIsReadFileByFileInNameOrderIgnoringOtherFiles() throws Exception {
        Journal journal = openJournal();
        // created in an order different from the name order
        collectorFile("c-impression.jsonl", events(5, 7));
        textFile("notes.txt", CollectorLines.line(event(90)) + "\n");
        textFile("b-click.json", CollectorLines.line(event(91)) + "\n");
        textFile("a-old.jsonl.bak", CollectorLines.line(event(92)) + "\n");
        gzippedFile("a-impression.jsonl.gz", lines(events(0, 2)) + "not an event\n" + lines(events(2, 3)));
        collectorFile("b-impression.jsonl", events(3, 5));
        gzippedFile("b-other.gz", lines(events(93, 94)));

        Reingest.Report report = new Reingest(journal).from(in);

        assertThat(report.events()).isEqualTo(7);
        assertThat(report.badLines()).isEqualTo(1);
        assertThat(report.firstProblems()).singleElement().asString().startsWith("a-impression.jsonl.gz:3 ");
        assertThat(journalContent(journal)).extracting(Event::id).containsExactlyElementsOf(ids(0, 7));
    }

    @Test
    void aSingleGzippedFileIsRead() throws Exception {
        Journal journal = openJournal();
        Path file = gzippedFile("impression.2026-11-27.jsonl.gz", lines(events(0, 20)));

        Reingest.Report report = new Reingest(journal).from(file);

        assertThat(report.events()).isEqualTo(20);
        List<Event> content = journalContent(journal);
        assertThat(content).extracting(Event::id).containsExactlyElementsOf(ids(0, 20));
        assertSameApartFromNumberTypes(content.get(7), event(7));
    }

    @Test
    void anEmptyFolderReingestsNothing() throws Exception {
        Journal journal = openJournal();

        Reingest.Report report = new Reingest(journal).from(in);

        assertThat(report.events()).isZero();
        assertThat(report.badLines()).isZero();
        assertThat(report.firstProblems()).isEmpty();
        assertThat(journal.end().offset()).isZero();
    }

    @Test
    void aMissingPathFailsNamingIt() throws Exception {
        Journal journal = openJournal();
        Path missing = in.resolve("no-such-file.jsonl");

        assertThatThrownBy(() -> new Reingest(journal).from(missing))
                .isInstanceOf(IOException.class)
                .hasMessageContaining(missing.toString());
        assertThat(journal.end().offset()).isZero();
    }

    @Test
    void aFullJournalStopsTheReingestion() throws Exception {
        Journal journal = openJournal(4096, 8192);
        Path file = collectorFile("impression.jsonl", events(0, 500));

        assertThatThrownBy(() -> new Reingest(journal).from(file))
                .isInstanceOf(JournalFullException.class)
                .hasMessageContaining("quota");

        List<Event> content = journalContent(journal);
        assertThat(content).as("what fitted went in, in order").isNotEmpty().hasSizeLessThan(500);
        assertThat(content).extracting(Event::id).containsExactlyElementsOf(ids(0, content.size()));
        assertThat(journal.sizeBytes()).isLessThanOrEqualTo(8192);
    }
}

package io.tracker.processing.internal.intake;

import static org.assertj.core.api.Assertions.assertThat;

import io.tracker.processing.internal.dispatch.CollectorDispatcher;
import io.tracker.processing.internal.dispatch.CursorStore;
import io.tracker.processing.internal.dispatch.DispatchSettings;
import io.tracker.processing.internal.dispatch.EventTypeFilter;
import io.tracker.processing.internal.dispatch.RecordingCollector;
import io.tracker.processing.internal.dispatch.RetryBackoff;
import io.tracker.processing.internal.journal.Journal;
import io.tracker.processing.internal.journal.JournalPosition;
import io.tracker.processing.internal.journal.JournalSearch;
import io.tracker.processing.internal.journal.TestJournals;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CollectorTableTest {

    private static final long DETACHED_AT = Instant.parse("2026-11-27T08:00:00Z").toEpochMilli();

    @TempDir
    Path dir;

    private Journal journal;
    private CursorStore cursors;

    @BeforeEach
    void open() throws Exception {
        journal = TestJournals.open(dir.resolve("journal"));
        TestJournals.append(journal, 0, 12);
        cursors = new CursorStore(dir.resolve("cursors"));
    }

    @AfterEach
    void close() throws IOException {
        journal.close();
    }

    /** A dispatcher that is never started: the table only reads its status. */
    private CollectorDispatcher dispatcher(String name, String version, JournalPosition from) {
        return new CollectorDispatcher(name, RecordingCollector.open(), version, EventTypeFilter.of("*"), journal, from,
                cursors, new DispatchSettings(10, 0, new RetryBackoff(10, 10, () -> 0.0)));
    }

    private static List<String> columns(String line) {
        return List.of(line.trim().split("\\s+"));
    }

    @Test
    void showsOnlyTheHeaderWithoutCollectors() {
        String table = CollectorTable.render(List.of(), Map.of(), 12);

        assertThat(table.lines()).hasSize(1);
        assertThat(columns(table.lines().findFirst().orElseThrow())).containsExactly("COLLECTOR", "STATE", "VERSION",
                "LAG", "LAG(s)", "DELIVERED", "FAILED", "DROPPED", "LAST", "ERROR");
    }

    @Test
    void showsOneLinePerAttachedAndPerDetachedCollector() throws IOException {
        Map<String, CursorStore.Cursor> retained = new LinkedHashMap<>();
        retained.put("kafka", new CursorStore.Cursor(JournalSearch.atOffset(journal, 5), DETACHED_AT));
        retained.put("ahead", new CursorStore.Cursor(new JournalPosition(40, 40, 0), DETACHED_AT));

        String table = CollectorTable.render(List.of(
                dispatcher("log", "tracker-collector-log 1.1.0", JournalPosition.START),
                dispatcher("bank", "bank-sink 2.0.0", journal.end())), retained, journal.end().offset());

        List<String> lines = table.lines().toList();
        assertThat(lines).hasSize(5);
        assertThat(lines.get(0)).startsWith("COLLECTOR");
        assertThat(columns(lines.get(1))).containsExactly("log", "RUNNING", "tracker-collector-log", "1.1.0", "12",
                "0", "0", "0", "0");
        assertThat(columns(lines.get(2))).containsExactly("bank", "RUNNING", "bank-sink", "2.0.0", "0", "0", "0", "0",
                "0");
        assertThat(columns(lines.get(3))).containsExactly("kafka", "DETACHED", "-", "7", "-", "-", "-", "-",
                "detached", "since", "2026-11-27T08:00:00Z");
        assertThat(columns(lines.get(4))).as("a cursor past the end lags nothing").containsSequence("ahead",
                "DETACHED", "-", "0");
    }

    @Test
    void aLastErrorIsShownAtTheEndOfItsLine() throws Exception {
        CollectorDispatcher failing = new CollectorDispatcher("flaky", RecordingCollector.alwaysFailing(), "1.0",
                EventTypeFilter.of("*"), journal, JournalPosition.START, cursors,
                new DispatchSettings(10, 0, new RetryBackoff(10_000, 10_000, () -> 0.0)));
        failing.start();
        try {
            TestJournals.await("a failure", 5_000, () -> failing.failedAttemptCount() == 1);

            String line = CollectorTable.render(List.of(failing), Map.of(), journal.end().offset()).lines()
                    .skip(1).findFirst().orElseThrow();

            assertThat(columns(line)).startsWith("flaky", "FAILING", "1.0", "12");
            assertThat(line).endsWith("collector down (test)");
        } finally {
            failing.detach(2_000);
        }
    }
}

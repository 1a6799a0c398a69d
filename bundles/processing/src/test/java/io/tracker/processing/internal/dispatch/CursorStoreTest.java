package io.tracker.processing.internal.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tracker.processing.internal.journal.JournalPosition;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CursorStoreTest {

    @TempDir
    Path root;

    private Path directory;
    private CursorStore store;

    @BeforeEach
    void create() throws IOException {
        directory = root.resolve("data").resolve("cursors");
        store = new CursorStore(directory);
    }

    private static CursorStore.Cursor attached(long offset) {
        return new CursorStore.Cursor(new JournalPosition(offset, offset - offset % 50, offset * 80), -1);
    }

    private List<Path> filesUnder(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).toList();
        }
    }

    @Test
    void createsItsDirectory() {
        assertThat(directory).isDirectory();
    }

    @Test
    void savesAndLoadsACursor() {
        CursorStore.Cursor cursor = attached(123);

        store.save("log", cursor);

        assertThat(store.load("log")).contains(cursor);
        assertThat(store.load("log").orElseThrow().detached()).isFalse();
    }

    @Test
    void loadsNothingForANameNeverSaved() {
        assertThat(store.load("never")).isEmpty();
    }

    @Test
    void aSecondSaveReplacesTheCursorAndLeavesNoTemporaryFile() throws IOException {
        store.save("log", attached(1));
        store.save("log", attached(2));

        assertThat(store.load("log")).contains(attached(2));
        assertThat(filesUnder(directory)).hasSize(1);
    }

    @Test
    void keepsWhenACollectorWasDetached() throws IOException {
        CursorStore.Cursor detached = new CursorStore.Cursor(new JournalPosition(7, 0, 560), 1_764_000_000_000L);
        CursorStore.Cursor atTheEpoch = new CursorStore.Cursor(JournalPosition.START, 0);

        store.save("gone", detached);
        store.save("epoch", atTheEpoch);

        assertThat(store.load("gone")).contains(detached);
        assertThat(store.load("gone").orElseThrow().detached()).isTrue();
        assertThat(store.load("epoch").orElseThrow().detached()).isTrue();
        assertThat(attached(5).detached()).isFalse();
        store.save("gone", attached(9));
        assertThat(store.load("gone").orElseThrow().detached()).as("attached again").isFalse();
    }

    @Test
    void listsEverySavedCursorByName() {
        store.save("log", attached(10));
        store.save("kafka", attached(20));
        store.save("bank", new CursorStore.Cursor(JournalPosition.START, 5));

        assertThat(store.all()).isEqualTo(Map.of(
                "log", attached(10),
                "kafka", attached(20),
                "bank", new CursorStore.Cursor(JournalPosition.START, 5)));
    }

    @Test
    void ignoresOtherFilesInItsDirectory() throws IOException {
        store.save("log", attached(10));
        Files.writeString(directory.resolve("log.cursor.tmp"), "offset=1\n");
        Files.writeString(directory.resolve("README.txt"), "not a cursor");

        assertThat(store.all()).containsOnlyKeys("log");
    }

    @Test
    void deletesACursor() {
        store.save("log", attached(10));
        store.save("kafka", attached(20));

        store.delete("log");
        store.delete("never-saved");

        assertThat(store.load("log")).isEmpty();
        assertThat(store.all()).containsOnlyKeys("kafka");
    }

    @Test
    void namesWithSpecialCharactersStayInsideTheDirectoryAndRoundTrip() throws IOException {
        List<String> names = List.of("log/../x", "../escape", "..", ".", "", "with space", "plus+sign", "100%",
                "ünïcødé 日本 🚀", "back\\slash", "C:\\temp", "a:b*c?d", "x.cursor", "new\nline");
        Map<String, CursorStore.Cursor> saved = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            saved.put(names.get(i), attached(100 + i));
            store.save(names.get(i), attached(100 + i));
        }

        for (String name : names) {
            assertThat(store.load(name)).as("cursor of '%s'", name).contains(saved.get(name));
        }
        assertThat(store.all()).isEqualTo(saved);
        List<Path> files = filesUnder(root);
        assertThat(files).hasSize(names.size())
                .allSatisfy(file -> assertThat(file.getParent()).isEqualTo(directory));

        for (String name : names) {
            store.delete(name);
        }
        assertThat(filesUnder(root)).isEmpty();
    }

    @Test
    void anUnreadableCursorFailsNamingItsFile() throws IOException {
        store.save("log", attached(10));
        Path file;
        try (Stream<Path> files = Files.list(directory)) {
            file = files.findFirst().orElseThrow();
        }

        Files.writeString(file, "offset=ten\nsegment=0\nposition=0\n", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> store.load("log"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(file.toString());

        Files.writeString(file, "", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> store.load("log"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(file.toString());
    }
}

package io.tracker.bench.run.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The log collector's files, laid out and rolled as docs/collectors/log.md describes. */
class EventLineCounterTest {

    @TempDir
    Path events;

    @Test
    void countsActiveAndRolledFilesPlainOrCompressedButNotPartialCompressions() throws IOException {
        append(events.resolve("impression.jsonl"), 3);
        append(events.resolve("impression-20261128-101530.jsonl"), 2); // rolled without gzip
        gzip(events.resolve("impression-20261127-000000.jsonl.gz"), 5);
        gzip(events.resolve("click-20261128-101530.jsonl.gz.part"), 4); // a copy being compressed
        append(events.resolve("2026-11-28/click-node1.jsonl"), 1); // file.pattern with a folder
        Files.writeString(events.resolve("README.txt"), "not events\n");

        assertThat(new EventLineCounter(events).count()).isEqualTo(11);
        assertThat(EventLineCounter.countLines(events.resolve("impression-20261127-000000.jsonl.gz"))).isEqualTo(5);
    }

    @Test
    void countsWhatIsAppendedCompleteLinesOnly() throws IOException {
        Path active = events.resolve("impression.jsonl");
        EventLineCounter counter = new EventLineCounter(events);
        assertThat(counter.count()).isZero();

        append(active, 2);
        assertThat(counter.count()).isEqualTo(2);

        Files.writeString(active, "{\"id\":\"half", StandardOpenOption.APPEND);
        assertThat(counter.count()).isEqualTo(2);

        Files.writeString(active, " a line\"}\n{\"id\":\"x\"}\n", StandardOpenOption.APPEND);
        assertThat(counter.count()).isEqualTo(4);
    }

    @Test
    void followsARoll() throws IOException {
        Path active = events.resolve("impression.jsonl");
        EventLineCounter counter = new EventLineCounter(events);
        append(active, 4);
        assertThat(counter.count()).isEqualTo(4);

        // what the collector does: compress aside, rename, delete the active file, start a new one
        gzip(events.resolve("impression-20261128-101530.jsonl.gz"), 4);
        Files.delete(active);
        append(active, 1);

        assertThat(counter.count()).isEqualTo(5);
        append(active, 2);
        assertThat(counter.count()).isEqualTo(7);
    }

    @Test
    void aMissingDirectoryHoldsNothing() throws IOException {
        assertThat(new EventLineCounter(events.resolve("absent")).count()).isZero();
    }

    static void append(Path file, int lines) throws IOException {
        Files.createDirectories(file.getParent());
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < lines; i++) {
            text.append("{\"id\":\"").append(i).append("\",\"type\":\"impression\"}\n");
        }
        Files.writeString(file, text, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    private static void gzip(Path file, int lines) throws IOException {
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            for (int i = 0; i < lines; i++) {
                out.write(("{\"id\":\"" + i + "\"}\n").getBytes(StandardCharsets.UTF_8));
            }
        }
    }
}

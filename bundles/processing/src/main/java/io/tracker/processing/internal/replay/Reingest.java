package io.tracker.processing.internal.replay;

import io.tracker.api.Event;
import io.tracker.processing.internal.journal.Journal;
import io.tracker.processing.internal.journal.JournalFullException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts events from log collector files back into the journal, so that every collector attached to
 * their types receives them again: the way to process the same logs again after a downstream error.
 * Events keep their ids. A bad line is reported and skipped; it never stops the rest.
 */
public final class Reingest {

    /** What a re-ingestion did. */
    public record Report(long events, long badLines, List<String> firstProblems) {
        @Override
        public String toString() {
            return events + " events re-ingested, " + badLines + " bad lines"
                    + (firstProblems.isEmpty() ? "" : ": " + String.join("; ", firstProblems));
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(Reingest.class);
    private static final int PROBLEMS_SHOWN = 5;

    private final Journal journal;

    public Reingest(Journal journal) {
        this.journal = journal;
    }

    /** @param path a {@code .jsonl} or {@code .jsonl.gz} file, or a folder of them */
    public Report from(Path path) throws IOException, JournalFullException {
        List<Path> files;
        if (Files.isDirectory(path)) {
            try (Stream<Path> listing = Files.list(path)) {
                files = listing.filter(Reingest::isEventFile).sorted().toList();
            }
        } else if (Files.isRegularFile(path)) {
            files = List.of(path);
        } else {
            throw new IOException("no such file or folder: " + path);
        }
        long events = 0;
        long bad = 0;
        List<String> problems = new java.util.ArrayList<>();
        for (Path file : files) {
            try (BufferedReader lines = open(file)) {
                String line;
                long number = 0;
                while ((line = lines.readLine()) != null) {
                    number++;
                    if (line.isBlank()) {
                        continue;
                    }
                    try {
                        Event event = EventLines.parse(line);
                        journal.append(event);
                        events++;
                    } catch (IllegalArgumentException e) {
                        bad++;
                        if (problems.size() < PROBLEMS_SHOWN) {
                            problems.add(file.getFileName() + ":" + number + " " + e.getMessage());
                        }
                    }
                }
            }
        }
        Report report = new Report(events, bad, problems);
        LOG.info("Re-ingested {}: {}", path, report);
        return report;
    }

    private static boolean isEventFile(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".jsonl") || name.endsWith(".jsonl.gz");
    }

    private static BufferedReader open(Path file) throws IOException {
        InputStream in = Files.newInputStream(file);
        if (file.getFileName().toString().endsWith(".gz")) {
            in = new GZIPInputStream(in);
        }
        return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
}

package io.tracker.processing.internal.dispatch;

import io.tracker.processing.internal.journal.JournalPosition;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * Where each collector has got to in the journal, one small file per collector name under
 * {@code data/cursors/}, replaced atomically so a crash leaves the old or the new cursor, never half of one.
 * A cursor that is behind only causes redelivery (at-least-once), so files are not fsynced per save.
 */
public final class CursorStore {

    /**
     * A saved cursor.
     *
     * @param position        the next record the collector has not yet received
     * @param detachedAtMs    when its collector went away (epoch ms), or -1 while it is attached
     */
    public record Cursor(JournalPosition position, long detachedAtMs) {
        public boolean detached() {
            return detachedAtMs >= 0;
        }
    }

    private static final String SUFFIX = ".cursor";

    private final Path directory;

    public CursorStore(Path directory) throws IOException {
        this.directory = Files.createDirectories(directory);
    }

    public Optional<Cursor> load(String collector) {
        Path file = file(collector);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        Properties values = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            values.load(in);
            JournalPosition position = new JournalPosition(Long.parseLong(values.getProperty("offset")),
                    Long.parseLong(values.getProperty("segment")), Long.parseLong(values.getProperty("position")));
            return Optional.of(new Cursor(position, Long.parseLong(values.getProperty("detached", "-1"))));
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("unreadable cursor " + file + ": " + e.getMessage(), e);
        }
    }

    public void save(String collector, Cursor cursor) {
        Properties values = new Properties();
        values.setProperty("offset", Long.toString(cursor.position().offset()));
        values.setProperty("segment", Long.toString(cursor.position().segmentBase()));
        values.setProperty("position", Long.toString(cursor.position().filePosition()));
        if (cursor.detached()) {
            values.setProperty("detached", Long.toString(cursor.detachedAtMs()));
        }
        Path file = file(collector);
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            try (Writer out = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
                values.store(out, "journal cursor of collector " + collector);
            }
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save cursor " + file, e);
        }
    }

    public void delete(String collector) {
        try {
            Files.deleteIfExists(file(collector));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete cursor of " + collector, e);
        }
    }

    /** Every saved cursor, by collector name. */
    public Map<String, Cursor> all() {
        Map<String, Cursor> cursors = new HashMap<>();
        try (Stream<Path> files = Files.list(directory)) {
            files.map(path -> path.getFileName().toString()).filter(name -> name.endsWith(SUFFIX)).forEach(name -> {
                String collector = URLDecoder.decode(name.substring(0, name.length() - SUFFIX.length()),
                        StandardCharsets.UTF_8);
                load(collector).ifPresent(cursor -> cursors.put(collector, cursor));
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + directory, e);
        }
        return cursors;
    }

    private Path file(String collector) {
        return directory.resolve(URLEncoder.encode(collector, StandardCharsets.UTF_8) + SUFFIX);
    }
}

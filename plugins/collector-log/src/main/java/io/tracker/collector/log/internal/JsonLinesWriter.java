package io.tracker.collector.log.internal;

import io.tracker.api.Event;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Appends events as JSON lines to files named by a pattern ({@code {type}.jsonl} by default), rolling
 * them by size and age, compressing rolled files, and never writing an event twice into a file after
 * a crash: the tracker redelivers what it had not confirmed, and those ids are recognised.
 *
 * <p>A batch is encoded in memory, then written to each file in one write, and (with fsync) forced to
 * disk, before {@link #write(List)} returns: a line is visible as soon as it returns, and whole or absent.
 * Files are rolled only before a batch, so a rolled file only holds events the tracker confirmed.
 * Not thread-safe: the dispatcher calls it from one thread.
 */
final class JsonLinesWriter implements Closeable {

    private static final Logger LOG = LoggerFactory.getLogger(JsonLinesWriter.class);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("HH").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter ROLLED = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
            .withZone(ZoneOffset.UTC);

    private final LogFileSettings settings;
    private final Clock clock;
    private final Map<Path, EventFile> open = new HashMap<>();
    private long duplicatesSkipped;

    JsonLinesWriter(LogFileSettings settings, Clock clock) throws IOException {
        this.settings = settings;
        this.clock = clock;
        Files.createDirectories(settings.directory());
    }

    /** One file per event type in {@code directory}, never rolled. */
    JsonLinesWriter(Path directory) throws IOException {
        this(LogFileSettings.simple(directory), Clock.systemUTC());
    }

    void write(List<Event> batch) throws IOException {
        Instant now = clock.instant();
        Map<String, EventFile> fileByType = new HashMap<>(); // the pattern is resolved once per type and batch
        Map<EventFile, BatchLines> lines = new LinkedHashMap<>();
        Set<String> inBatch = new HashSet<>(batch.size() * 2);
        for (Event event : batch) {
            EventFile file = fileByType.get(event.type());
            if (file == null) {
                file = fileFor(event.type(), now);
                fileByType.put(event.type(), file);
            }
            if (file.wrote(event.id()) || !inBatch.add(event.id())) {
                duplicatesSkipped++; // redelivered after a crash: it is already in the file
                continue;
            }
            BatchLines forFile = lines.get(file);
            if (forFile == null) {
                forFile = new BatchLines(settings::keeps);
                lines.put(file, forFile);
            }
            forFile.add(event);
        }
        for (Map.Entry<EventFile, BatchLines> entry : lines.entrySet()) {
            BatchLines forFile = entry.getValue();
            entry.getKey().append(forFile.encoded(), settings.fsync());
        }
        // only now: had a write failed, the retried batch must not find these ids already remembered
        for (Event event : batch) {
            fileByType.get(event.type()).remember(event.id());
        }
    }

    /** Events recognised as already written, since this writer started. */
    long duplicatesSkipped() {
        return duplicatesSkipped;
    }

    @Override
    public void close() throws IOException {
        IOException first = null;
        for (EventFile file : open.values()) {
            try {
                file.close();
            } catch (IOException e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        open.clear();
        if (first != null) {
            throw first;
        }
    }

    private EventFile fileFor(String type, Instant now) throws IOException {
        Path path = resolve(type, now);
        EventFile file = open.get(path);
        if (file == null) {
            file = EventFile.open(path, null, now);
            open.put(path, file);
        } else if (due(file, now)) {
            Path rolled = file.roll(rolledName(path, now), settings.gzip());
            LOG.info("Rolled {} to {}", path, rolled);
            file = EventFile.open(path, file.recentIds(), now);
            open.put(path, file);
        }
        return file;
    }

    private boolean due(EventFile file, Instant now) {
        if (file.size() == 0) {
            return false;
        }
        if (settings.rollBytes() > 0 && file.size() >= settings.rollBytes()) {
            return true;
        }
        switch (settings.rollInterval()) {
            case HOURLY:
                return !(DATE.format(file.openedAt()) + HOUR.format(file.openedAt()))
                        .equals(DATE.format(now) + HOUR.format(now));
            case DAILY:
                return !DATE.format(file.openedAt()).equals(DATE.format(now));
            default:
                return false;
        }
    }

    private Path resolve(String type, Instant now) {
        String name = settings.filePattern().replace("{type}", type).replace("{date}", DATE.format(now))
                .replace("{hour}", HOUR.format(now)).replace("{node}", settings.node());
        return settings.directory().resolve(name);
    }

    /** {@code impression.jsonl} rolls to {@code impression-20261128-101530.jsonl} (+ {@code .gz}), made unique. */
    private static Path rolledName(Path active, Instant now) {
        String name = active.getFileName().toString();
        int dot = name.indexOf('.');
        String base = dot < 0 ? name : name.substring(0, dot);
        String extension = dot < 0 ? "" : name.substring(dot);
        Path rolled = active.resolveSibling(base + "-" + ROLLED.format(now) + extension);
        for (int n = 1; Files.exists(rolled) || Files.exists(rolled.resolveSibling(rolled.getFileName() + ".gz")); n++) {
            rolled = active.resolveSibling(base + "-" + ROLLED.format(now) + "-" + n + extension);
        }
        return rolled;
    }
}

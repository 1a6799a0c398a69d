package io.tracker.processing.internal.journal;

import io.tracker.api.Event;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Journals, events and segment files for tests; public so that dispatch and intake tests can use it too. */
public final class TestJournals {

    /** The smallest segment the settings allow: a few dozen test events each. */
    public static final long SEGMENT_BYTES = 4096;
    public static final long LARGE_QUOTA = 1L << 30;
    public static final Instant T0 = Instant.parse("2026-11-28T10:00:00Z");

    private TestJournals() {
    }

    public static JournalSettings settings(Path directory) {
        return settings(directory, SEGMENT_BYTES, LARGE_QUOTA);
    }

    public static JournalSettings settings(Path directory, long segmentBytes, long quotaBytes) {
        return new JournalSettings(directory, segmentBytes, quotaBytes, JournalSettings.FsyncPolicy.INTERVAL, 20);
    }

    /** A journal with small segments and a large quota that never releases data. */
    public static Journal open(Path directory) throws IOException {
        return Journal.open(settings(directory), RetentionGuard.REJECT);
    }

    /** Event {@code n}: id {@code e-n}, type impression, timestamp T0 + n ms, a dimension and a metric. */
    public static Event event(int n) {
        return event("impression", n);
    }

    public static Event event(String type, int n) {
        return Event.builder("e-" + n, type, T0.plusMillis(n))
                .dimension("n", Integer.toString(n))
                .metric("count", (long) n)
                .build();
    }

    /** Appends events {@code from} (inclusive) to {@code to} (exclusive) and returns their offsets. */
    public static List<Long> append(Journal journal, int from, int to) throws IOException, JournalFullException {
        List<Long> offsets = new ArrayList<>();
        for (int n = from; n < to; n++) {
            offsets.add(journal.append(event(n)));
        }
        return offsets;
    }

    /** Appends events until the journal has at least {@code segments} segments; returns how many were appended. */
    public static int appendUntilSegments(Journal journal, int segments) throws IOException, JournalFullException {
        int n = (int) journal.end().offset();
        while (journal.segmentCount() < segments) {
            journal.append(event(n++));
        }
        return n;
    }

    /** Everything from {@code from} to the journal's end, of every type. */
    public static List<Event> readAll(Journal journal, JournalPosition from) throws IOException {
        try (JournalReader reader = journal.reader(from)) {
            List<Event> events = new ArrayList<>();
            while (reader.read(1000, type -> true, events) > 0) {
                // until the end
            }
            return events;
        }
    }

    public static List<String> ids(List<Event> events) {
        return events.stream().map(Event::id).toList();
    }

    /** Ids {@code e-from} to {@code e-(to - 1)}. */
    public static List<String> ids(int from, int to) {
        List<String> ids = new ArrayList<>();
        for (int n = from; n < to; n++) {
            ids.add("e-" + n);
        }
        return ids;
    }

    /** The base offsets of the segment files in {@code directory}, ascending. */
    public static List<Long> segmentBases(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(path -> path.getFileName().toString())
                    .filter(name -> name.matches("\\d{20}\\.log"))
                    .map(name -> Long.parseLong(name.substring(0, 20)))
                    .sorted()
                    .toList();
        }
    }

    public static Path segmentFile(Path directory, long base) {
        return directory.resolve(String.format("%020d.log", base));
    }

    /** The bytes of whole records in all segment files (the active segment's file is mapped larger). */
    public static long recordBytes(Path directory) throws IOException {
        long total = 0;
        for (long base : segmentBases(directory)) {
            total += recordBytesOf(segmentFile(directory, base));
        }
        return total;
    }

    /**
     * The bytes of whole records at the start of a segment file, up to what follows them (zeros, garbage).
     * Reads the file at once: the journal's sync thread may be cutting a rolled segment meanwhile.
     */
    public static long recordBytesOf(Path segmentFile) throws IOException {
        ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(segmentFile));
        int position = 0;
        while (position + RecordFormat.HEADER_BYTES <= bytes.limit()) {
            int length = bytes.getInt(position);
            if (!RecordFormat.plausibleLength(length) || position + RecordFormat.HEADER_BYTES + length > bytes.limit()
                    || RecordFormat.checksum(bytes.slice(position + RecordFormat.HEADER_BYTES, length))
                    != bytes.getInt(position + 4)) {
                break;
            }
            position += RecordFormat.HEADER_BYTES + length;
        }
        return position;
    }

    /** Flips the bits of one byte of a file. */
    public static void flipByte(Path file, long position) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            ByteBuffer one = ByteBuffer.allocate(1);
            channel.read(one, position);
            one.put(0, (byte) ~one.get(0));
            one.rewind();
            channel.write(one, position);
        }
    }

    /** Appends raw bytes at the end of a file. */
    public static void appendBytes(Path file, byte[] bytes) throws IOException {
        Files.write(file, bytes, StandardOpenOption.APPEND);
    }

    /** A complete record (header and payload) for {@code event}, exactly as the journal writes it. */
    static ByteBuffer record(Event event) {
        ByteBuffer payload = ByteBuffer.allocate(64 * 1024);
        EventCodec.encode(event, payload);
        payload.flip();
        return record(payload);
    }

    /** A record with a correct header around {@code payload}. */
    static ByteBuffer record(ByteBuffer payload) {
        ByteBuffer record = ByteBuffer.allocate(RecordFormat.HEADER_BYTES + payload.remaining());
        record.putInt(payload.remaining()).putInt(RecordFormat.checksum(payload)).put(payload.duplicate());
        return record.flip();
    }

    /** Polls {@code condition} until it holds, failing after {@code timeoutMs}. */
    public static void await(String what, long timeoutMs, Check condition) throws Exception {
        long deadline = System.nanoTime() + timeoutMs * 1_000_000L;
        while (!condition.holds()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeoutMs + " ms waiting for: " + what);
            }
            Thread.sleep(2);
        }
    }

    /** A condition for {@link #await}. */
    @FunctionalInterface
    public interface Check {
        boolean holds() throws Exception;
    }
}

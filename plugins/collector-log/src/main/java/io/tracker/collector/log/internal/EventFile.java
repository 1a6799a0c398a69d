package io.tracker.collector.log.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One active JSON-lines file. Opening it repairs a torn last line (a crash mid-write) and remembers the
 * ids of its last events, so that events the tracker redelivers after a crash are not written twice.
 * Each batch reaches the file in one write, so a line is whole or absent.
 */
final class EventFile implements AutoCloseable {

    /** Ids remembered per file stream: far more than a redelivery after a crash can hold (one batch). */
    static final int REMEMBERED_IDS = 10_000;
    private static final int TAIL_BYTES = 4 * 1024 * 1024;
    private static final byte[] ID_PREFIX = "{\"id\":\"".getBytes(StandardCharsets.UTF_8);
    private static final Logger LOG = LoggerFactory.getLogger(EventFile.class);

    private final Path path;
    private final FileChannel channel;
    private final Set<String> recentIds;
    private final Instant openedAt;
    private long size;

    private EventFile(Path path, FileChannel channel, long size, Set<String> recentIds, Instant openedAt) {
        this.path = path;
        this.channel = channel;
        this.size = size;
        this.recentIds = recentIds;
        this.openedAt = openedAt;
    }

    /**
     * @param carried ids remembered by the file this one continues (after a roll), or null to read them
     *                from the file's tail (after a start)
     */
    static EventFile open(Path path, Set<String> carried, Instant now) throws IOException {
        Files.createDirectories(path.getParent());
        FileChannel channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        long size = channel.size();
        byte[] tail = readTail(channel, size);
        int lastNewline = lastIndexOf(tail, (byte) '\n');
        long complete = size - tail.length + lastNewline + 1;
        if (complete < size) {
            LOG.warn("{} ended in a torn line ({} bytes, a crash mid-write): cut", path, size - complete);
            channel.truncate(complete);
            size = complete;
        }
        Set<String> ids = carried != null ? carried : idsOf(tail, lastNewline + 1);
        return new EventFile(path, channel, size, ids, now);
    }

    Path path() {
        return path;
    }

    long size() {
        return size;
    }

    Instant openedAt() {
        return openedAt;
    }

    Set<String> recentIds() {
        return recentIds;
    }

    boolean wrote(String id) {
        return recentIds.contains(id);
    }

    void remember(String id) {
        recentIds.remove(id);
        recentIds.add(id);
        if (recentIds.size() > REMEMBERED_IDS) {
            recentIds.remove(recentIds.iterator().next());
        }
    }

    /** Appends whole lines in one write. */
    void append(ByteBuffer buffer, boolean fsync) throws IOException {
        long start = size;
        try {
            while (buffer.hasRemaining()) {
                size += channel.write(buffer, size);
            }
        } catch (IOException e) {
            channel.truncate(start); // a full disk may take part of the lines: never leave half an event
            size = start;
            throw e;
        }
        if (fsync) {
            channel.force(false);
        }
    }

    /**
     * gzip at the fastest level: a rolled file is compressed on the dispatcher's thread, and at level 6
     * (the default) 256 MiB of JSON lines cost several seconds of CPU each time. Level 1 is several times
     * faster, for somewhat larger files.
     */
    private static final class FastGzipOutputStream extends GZIPOutputStream {
        FastGzipOutputStream(OutputStream out) throws IOException {
            super(out, 64 * 1024);
            def.setLevel(Deflater.BEST_SPEED);
        }
    }

    @Override
    public void close() throws IOException {
        channel.force(false);
        channel.close();
    }

    /** Closes this file and moves it aside as {@code rolled}, compressed when {@code gzip}. */
    Path roll(Path rolled, boolean gzip) throws IOException {
        close();
        if (!gzip) {
            return Files.move(path, rolled);
        }
        Path compressed = rolled.resolveSibling(rolled.getFileName() + ".gz");
        Path partial = compressed.resolveSibling(compressed.getFileName() + ".part");
        try (InputStream in = Files.newInputStream(path);
             OutputStream out = new FastGzipOutputStream(Files.newOutputStream(partial))) {
            in.transferTo(out);
        }
        Files.move(partial, compressed); // readers never see a half-compressed file under the final name
        Files.delete(path);
        return compressed;
    }

    private static byte[] readTail(FileChannel channel, long size) throws IOException {
        int length = (int) Math.min(size, TAIL_BYTES);
        ByteBuffer tail = ByteBuffer.allocate(length);
        while (tail.hasRemaining()) {
            if (channel.read(tail, size - length + tail.position()) < 0) {
                break;
            }
        }
        return tail.array();
    }

    private static Set<String> idsOf(byte[] tail, int end) {
        Set<String> ids = new LinkedHashSet<>();
        int lineStart = 0;
        for (int i = 0; i < end; i++) {
            if (tail[i] == '\n') {
                String id = idAt(tail, lineStart, i);
                if (id != null) {
                    ids.add(id);
                    if (ids.size() > REMEMBERED_IDS) {
                        ids.remove(ids.iterator().next());
                    }
                }
                lineStart = i + 1;
            }
        }
        return ids;
    }

    /** The id of a line written by {@link EventLine}: it always starts with {"id":" and ids need no escaping. */
    private static String idAt(byte[] bytes, int start, int end) {
        if (end - start < ID_PREFIX.length) {
            return null;
        }
        for (int i = 0; i < ID_PREFIX.length; i++) {
            if (bytes[start + i] != ID_PREFIX[i]) {
                return null;
            }
        }
        int from = start + ID_PREFIX.length;
        for (int i = from; i < end; i++) {
            if (bytes[i] == '"') {
                return new String(bytes, from, i - from, StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    private static int lastIndexOf(byte[] bytes, byte value) {
        for (int i = bytes.length - 1; i >= 0; i--) {
            if (bytes[i] == value) {
                return i;
            }
        }
        return -1;
    }
}

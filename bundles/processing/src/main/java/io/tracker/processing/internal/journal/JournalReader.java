package io.tracker.processing.internal.journal;

import io.tracker.api.Event;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.function.Predicate;

/**
 * Reads records in order from a position up to the journal's published end. One per dispatcher, used
 * from that dispatcher's thread only.
 *
 * <p>Reads go through a window of up to {@link #WINDOW_BYTES} of the segment, so a batch costs a few
 * positional reads instead of two per record. The window is only ever filled up to the journal's
 * published end (or a closed segment's end), so it holds whole records only: bytes beyond the end may be
 * half-written, or cut and rewritten after a failed append.
 */
public final class JournalReader implements Closeable {

    private static final int WINDOW_BYTES = 256 * 1024;

    private final Journal journal;
    private ByteBuffer window = ByteBuffer.allocate(WINDOW_BYTES).limit(0);
    /** Segment and file position of the window's first byte; {@code windowBase} -1 when it holds nothing. */
    private long windowBase = -1;
    private long windowStart;
    private JournalPosition position;
    private FileChannel channel;
    private long channelBase = -1;

    JournalReader(Journal journal, JournalPosition from) {
        this.journal = journal;
        this.position = from;
    }

    /** The position of the next record this reader returns. */
    public JournalPosition position() {
        return position;
    }

    /** Continues from another position (a replay, or past data dropped under the quota). */
    public void seek(JournalPosition to) {
        position = to;
        windowBase = -1;
    }

    /**
     * Reads up to {@code max} records. Events whose type {@code accepts} rejects are skipped without being
     * built, but still consumed: the position moves past them.
     *
     * @return how many records were consumed (delivered to {@code out} or skipped)
     * @throws IOException if the record at the position is unreadable; records read before an unreadable
     *                     one are returned first, and the position stays at the unreadable one
     */
    public int read(int max, Predicate<String> accepts, List<Event> out) throws IOException {
        JournalPosition end = journal.end();
        int consumed = 0;
        while (consumed < max && position.offset() < end.offset()) {
            try {
                readOne(accepts, out);
            } catch (IOException | RuntimeException e) {
                if (consumed == 0) {
                    throw e;
                }
                return consumed; // hand over what was read; the next call meets the failure again
            }
            consumed++;
        }
        return consumed;
    }

    private void readOne(Predicate<String> accepts, List<Event> out) throws IOException {
        int at = windowIndex(RecordFormat.HEADER_BYTES);
        int length = window.getInt(at);
        if (!RecordFormat.plausibleLength(length)) {
            throw corrupt("impossible record length " + length);
        }
        at = windowIndex(RecordFormat.HEADER_BYTES + length);
        int checksum = window.getInt(at + 4);
        ByteBuffer payload = window.slice(at + RecordFormat.HEADER_BYTES, length);
        if (RecordFormat.checksum(payload) != checksum) {
            throw corrupt("checksum mismatch");
        }
        if (accepts.test(EventCodec.peekType(payload))) {
            out.add(EventCodec.decode(payload));
        }
        position = new JournalPosition(position.offset() + 1, position.segmentBase(),
                position.filePosition() + RecordFormat.HEADER_BYTES + length);
    }

    /**
     * Where the next {@code bytes} bytes at the reader's position start in the window, refilling the
     * window from the segment (moving to the next segment first when this one is read to its end).
     */
    private int windowIndex(int bytes) throws IOException {
        long from = position.filePosition();
        if (windowBase == position.segmentBase() && from >= windowStart && from + bytes <= windowStart + window.limit()) {
            return (int) (from - windowStart);
        }
        if (position.segmentBase() != position.offset() && journal.hasSegment(position.offset())) {
            // this segment's records are all read; the next segment starts at the next offset
            position = new JournalPosition(position.offset(), position.offset(), 0);
        }
        fill(bytes);
        return 0;
    }

    private void fill(int bytes) throws IOException {
        long base = position.segmentBase();
        long from = position.filePosition();
        FileChannel segment = segment(base);
        JournalPosition end = journal.end();
        long readable = (end.segmentBase() == base ? end.filePosition() : journal.segmentLength(base)) - from;
        if (readable < bytes) {
            throw corrupt("record runs past the end of the written data");
        }
        if (window.capacity() < bytes) {
            window = ByteBuffer.allocate(bytes);
        }
        window.clear().limit((int) Math.min(window.capacity(), readable));
        windowBase = -1; // until the read completes
        SegmentScan.readFully(segment, window, from);
        window.flip();
        windowBase = base;
        windowStart = from;
    }

    @Override
    public void close() throws IOException {
        if (channel != null) {
            channel.close();
            channel = null;
            channelBase = -1;
        }
    }

    /** Closes the open segment file, for when the reader's thread is gone; a failure only leaks nothing worse. */
    public void closeQuietly() {
        try {
            close();
        } catch (IOException e) {
            // closing a read-only channel has nothing to flush; there is nothing to act on
        }
    }

    private FileChannel segment(long base) throws IOException {
        if (channelBase != base) {
            windowBase = -1;
            close();
            try {
                channel = FileChannel.open(journal.segmentPath(base), StandardOpenOption.READ);
            } catch (NoSuchFileException e) {
                throw new SegmentGoneException(base, e);
            }
            channelBase = base;
        }
        return channel;
    }

    private IOException corrupt(String what) {
        windowBase = -1; // the next attempt reads the disk again: what was unreadable may be readable by then
        return new IOException("journal record at offset " + position.offset() + " (segment "
                + journal.segmentPath(position.segmentBase()) + ", byte " + position.filePosition() + "): " + what);
    }

    /** The segment of the reader's position was deleted: its data was dropped under the quota. */
    public static final class SegmentGoneException extends IOException {
        private static final long serialVersionUID = 1L;

        SegmentGoneException(long base, NoSuchFileException cause) {
            super("journal segment " + base + " no longer exists", cause);
        }
    }
}

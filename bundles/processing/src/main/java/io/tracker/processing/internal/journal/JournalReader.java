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
 */
public final class JournalReader implements Closeable {

    private final Journal journal;
    private final ByteBuffer header = ByteBuffer.allocate(RecordFormat.HEADER_BYTES);
    private ByteBuffer payload = ByteBuffer.allocate(4096);
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
        if (position.segmentBase() != position.offset() && journal.hasSegment(position.offset())) {
            // this segment's records are all read; the next segment starts at the next offset
            position = new JournalPosition(position.offset(), position.offset(), 0);
        }
        FileChannel segment = segment(position.segmentBase());
        header.clear();
        SegmentScan.readFully(segment, header, position.filePosition());
        int length = header.getInt(0);
        if (!RecordFormat.plausibleLength(length)) {
            throw corrupt("impossible record length " + length);
        }
        if (payload.capacity() < length) {
            payload = ByteBuffer.allocate(length);
        }
        payload.clear().limit(length);
        SegmentScan.readFully(segment, payload, position.filePosition() + RecordFormat.HEADER_BYTES);
        payload.flip();
        if (RecordFormat.checksum(payload) != header.getInt(4)) {
            throw corrupt("checksum mismatch");
        }
        if (accepts.test(EventCodec.peekType(payload))) {
            out.add(EventCodec.decode(payload));
        }
        position = new JournalPosition(position.offset() + 1, position.segmentBase(),
                position.filePosition() + RecordFormat.HEADER_BYTES + length);
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

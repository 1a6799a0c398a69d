package io.tracker.processing.internal.journal;

/**
 * A place in the journal: the offset of the next record (a global sequence number, counting every
 * event ever appended) and where that record starts on disk.
 *
 * @param offset       sequence number of the next record
 * @param segmentBase  offset of the first record of the segment holding it (the segment's file name)
 * @param filePosition byte position of the record in that segment file
 */
public record JournalPosition(long offset, long segmentBase, long filePosition) {

    public static final JournalPosition START = new JournalPosition(0, 0, 0);

    public boolean isBefore(JournalPosition other) {
        return offset < other.offset;
    }
}

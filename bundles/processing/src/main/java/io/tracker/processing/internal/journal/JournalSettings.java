package io.tracker.processing.internal.journal;

import java.nio.file.Path;

/**
 * Where and how the journal writes.
 *
 * @param directory       the segment files' folder
 * @param segmentBytes    a segment is closed and a new one started past this size
 * @param quotaBytes      the most disk all segments may use; see {@link RetentionGuard} for what happens
 *                        when an append would exceed it
 * @param fsync           when appended records are forced to disk
 * @param fsyncIntervalMs for {@link FsyncPolicy#INTERVAL}: how often
 */
public record JournalSettings(Path directory, long segmentBytes, long quotaBytes, FsyncPolicy fsync,
                              long fsyncIntervalMs) {

    /** The active segment is mapped whole, with room for one more record; a mapping holds at most 2 GiB. */
    public static final long MAX_SEGMENT_BYTES = 1L << 30;

    public JournalSettings {
        if (segmentBytes < 4096) {
            throw new IllegalArgumentException("journal.segment.bytes must be at least 4096, got " + segmentBytes);
        }
        if (segmentBytes > MAX_SEGMENT_BYTES) {
            throw new IllegalArgumentException("journal.segment.bytes must be at most " + MAX_SEGMENT_BYTES
                    + " (the active segment is memory-mapped), got " + segmentBytes);
        }
        if (quotaBytes < 2 * segmentBytes) {
            throw new IllegalArgumentException("journal.quota.bytes must be at least twice journal.segment.bytes ("
                    + 2 * segmentBytes + "), got " + quotaBytes);
        }
        if (fsyncIntervalMs < 1) {
            throw new IllegalArgumentException("journal.fsync.interval.ms must be positive, got " + fsyncIntervalMs);
        }
    }

    /** When appended records reach the disk, beyond the operating system's page cache. */
    public enum FsyncPolicy {
        /** Every {@code fsyncIntervalMs}, for all records appended since: survives a process crash at once,
         *  a power loss up to the interval. */
        INTERVAL,
        /** Before the hit is acknowledged; appends waiting at the same time share one fsync (group commit). */
        ALWAYS
    }
}

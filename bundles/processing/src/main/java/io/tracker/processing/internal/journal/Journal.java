package io.tracker.processing.internal.journal;

import io.tracker.api.Event;
import java.io.Closeable;
import java.io.IOException;
import java.nio.BufferOverflowException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The durable, append-only log every accepted event is written to before its hit is acknowledged.
 *
 * <p>Records live in segment files named after the offset of their first record
 * ({@code 00000000000000000000.log}); offsets count every event ever appended, so a position survives
 * segment deletion. Only the newest segment is written; older ones are deleted whole when every cursor
 * has passed them ({@link #deleteSegmentsBefore(long)}) or when the quota needs the room.
 *
 * <p><b>Concurrency.</b> Request threads encode outside the lock, then append under it; the position
 * after the last complete record is published through a volatile field, and readers
 * ({@link JournalReader}) never read past it, so they only ever see whole records. On open, the newest
 * segment is scanned and a torn tail (a crash mid-write) is cut off.
 */
public final class Journal implements Closeable {

    private static final Logger LOG = LoggerFactory.getLogger(Journal.class);
    private static final String SUFFIX = ".log";
    private static final int INITIAL_BUFFER_BYTES = 4096;

    private final JournalSettings settings;
    private final RetentionGuard retentionGuard;
    private final Object appendLock = new Object();
    /**
     * Segment base offset to its file size; the last entry is the active segment, whose size is kept in
     * {@link #activeSize} instead (and recorded here when it rolls).
     */
    private final NavigableMap<Long, Long> segmentSizes = new ConcurrentSkipListMap<>();
    private final ThreadLocal<ByteBuffer> encodeBuffers =
            ThreadLocal.withInitial(() -> ByteBuffer.allocate(INITIAL_BUFFER_BYTES));
    private final AppendSignal appended = new AppendSignal();
    private final JournalSync sync;

    // guarded by appendLock
    private FileChannel active;
    private long activeBase;
    private long activeSize;
    private long nextOffset;
    private long totalBytes;
    private boolean closed;

    private volatile JournalPosition end;

    private Journal(JournalSettings settings, RetentionGuard retentionGuard) {
        this.settings = settings;
        this.retentionGuard = retentionGuard;
        this.sync = new JournalSync(this::forceActive, settings.fsync(), settings.fsyncIntervalMs());
    }

    /** Opens the journal in {@code settings.directory()}, creating it or recovering what a crash left. */
    public static Journal open(JournalSettings settings, RetentionGuard retentionGuard) throws IOException {
        Journal journal = new Journal(settings, retentionGuard);
        journal.recover();
        journal.sync.start();
        return journal;
    }

    /**
     * Appends an event. When this returns, the event is in the page cache (and on disk, with
     * {@link JournalSettings.FsyncPolicy#ALWAYS}) and readers can see it.
     *
     * @return the event's offset
     * @throws JournalFullException     if the quota is reached and may not be freed
     * @throws IllegalArgumentException if the event is larger than a record may be (1 MiB)
     */
    public long append(Event event) throws IOException, JournalFullException {
        ByteBuffer record = encode(event);
        long offset;
        synchronized (appendLock) {
            if (closed) {
                throw new IOException("journal " + settings.directory() + " is closed");
            }
            makeRoom(record.remaining());
            long written = 0;
            try {
                while (record.hasRemaining()) {
                    written += active.write(record, activeSize + written);
                }
            } catch (IOException e) {
                // a full disk may take part of a record: cut it, or the next append would sit behind garbage
                active.truncate(activeSize);
                throw e;
            }
            activeSize += written;
            totalBytes += record.limit();
            offset = nextOffset++;
            end = new JournalPosition(nextOffset, activeBase, activeSize);
            sync.appended(offset);
        }
        appended.signal(offset + 1);
        sync.awaitDurable(offset);
        return offset;
    }

    /** Whether {@link #append} returns only once the record is on disk (and so waits for an fsync). */
    public boolean appendWaitsForDisk() {
        return settings.fsync() == JournalSettings.FsyncPolicy.ALWAYS;
    }

    /** The position after the last complete record: where the next append goes. */
    public JournalPosition end() {
        return end;
    }

    /** The oldest position still on disk. */
    public JournalPosition start() {
        long base = segmentSizes.firstKey();
        return new JournalPosition(base, base, 0);
    }

    /** Total size of all segments, in bytes. */
    public long sizeBytes() {
        synchronized (appendLock) {
            return totalBytes;
        }
    }

    public int segmentCount() {
        return segmentSizes.size();
    }

    /** A reader starting at {@code from}; each dispatcher has its own. */
    public JournalReader reader(JournalPosition from) {
        return new JournalReader(this, from);
    }

    /**
     * Waits until a record past {@code offset} exists (one at {@code offset + 1} or later), at most
     * {@code timeoutMs}. A reader at position p passes {@code p - 1}: it waits for the record at p.
     */
    public void awaitAppend(long offset, long timeoutMs) throws InterruptedException {
        awaitEnd(offset + 2, timeoutMs);
    }

    /**
     * Waits until the journal's end offset is at least {@code endOffset}, at most {@code timeoutMs}: a
     * reader at position p wanting n records passes {@code p + n}. May return early (on close, or when
     * another reader's wait ends).
     */
    public void awaitEnd(long endOffset, long timeoutMs) throws InterruptedException {
        appended.await(endOffset, () -> end.offset(), timeoutMs);
    }

    /**
     * Deletes the closed segments whose records all lie before {@code offset}: every cursor has passed them.
     *
     * @return the number of segments deleted
     */
    public int deleteSegmentsBefore(long offset) throws IOException {
        int deleted = 0;
        synchronized (appendLock) {
            Map.Entry<Long, Long> oldest = segmentSizes.firstEntry();
            while (oldest != null && oldest.getKey() != activeBase) {
                long segmentEnd = segmentSizes.higherKey(oldest.getKey());
                if (segmentEnd > offset) {
                    break;
                }
                deleteOldest();
                deleted++;
                oldest = segmentSizes.firstEntry();
            }
        }
        return deleted;
    }

    @Override
    public void close() throws IOException {
        synchronized (appendLock) {
            if (closed) {
                return;
            }
            closed = true;
        }
        sync.close();
        synchronized (appendLock) {
            active.force(false);
            active.close();
        }
        appended.signal(Long.MAX_VALUE);
    }

    Path segmentPath(long base) {
        return settings.directory().resolve(String.format("%020d%s", base, SUFFIX));
    }

    boolean hasSegment(long base) {
        return segmentSizes.containsKey(base);
    }

    /** The base of the segment that holds (or held) {@code offset}; null before the oldest segment. */
    Long segmentBaseFor(long offset) {
        return segmentSizes.floorKey(offset);
    }

    private ByteBuffer encode(Event event) {
        ByteBuffer buffer = encodeBuffers.get();
        while (true) {
            try {
                buffer.clear().position(RecordFormat.HEADER_BYTES);
                EventCodec.encode(event, buffer);
                break;
            } catch (BufferOverflowException e) {
                if (buffer.capacity() >= RecordFormat.MAX_PAYLOAD_BYTES) {
                    throw new IllegalArgumentException("event " + event.id() + " is larger than "
                            + RecordFormat.MAX_PAYLOAD_BYTES + " bytes", e);
                }
                buffer = ByteBuffer.allocate(Math.min(buffer.capacity() * 4, RecordFormat.MAX_PAYLOAD_BYTES + 64));
                encodeBuffers.set(buffer);
            }
        }
        int payloadBytes = buffer.position() - RecordFormat.HEADER_BYTES;
        ByteBuffer payload = buffer.duplicate().position(RecordFormat.HEADER_BYTES).limit(buffer.position());
        buffer.putInt(0, payloadBytes).putInt(4, RecordFormat.checksum(payload));
        return buffer.flip();
    }

    /** Rolls to a new segment when the active one is full, and frees old ones when the quota requires. */
    private void makeRoom(int recordBytes) throws IOException, JournalFullException {
        if (activeSize > 0 && activeSize + recordBytes > settings.segmentBytes()) {
            roll();
        }
        while (totalBytes + recordBytes > settings.quotaBytes()) {
            long oldest = segmentSizes.firstKey();
            if (oldest == activeBase) {
                throw new JournalFullException("journal quota of " + settings.quotaBytes() + " bytes reached");
            }
            long oldestEnd = segmentSizes.higherKey(oldest);
            if (!retentionGuard.releaseForQuota(oldest, oldestEnd)) {
                throw new JournalFullException("journal quota of " + settings.quotaBytes() + " bytes reached and "
                        + "a collector with overflow policy 'reject' has not delivered offsets " + oldest + " to "
                        + (oldestEnd - 1));
            }
            deleteOldest();
        }
    }

    private void roll() throws IOException {
        active.force(false); // the syncer only ever forces the active segment
        active.close();
        segmentSizes.put(activeBase, activeSize);
        activeBase = nextOffset;
        activeSize = 0;
        active = openSegment(activeBase);
        segmentSizes.put(activeBase, 0L);
        end = new JournalPosition(nextOffset, activeBase, 0);
    }

    private void deleteOldest() throws IOException {
        Map.Entry<Long, Long> oldest = segmentSizes.pollFirstEntry();
        totalBytes -= oldest.getValue();
        Files.deleteIfExists(segmentPath(oldest.getKey()));
        LOG.debug("Deleted journal segment {}", oldest.getKey());
    }

    private void forceActive() throws IOException {
        FileChannel channel;
        synchronized (appendLock) {
            if (closed) {
                return;
            }
            channel = active;
        }
        try {
            channel.force(false);
        } catch (java.nio.channels.ClosedChannelException rolled) {
            // the segment was rolled or the journal closed meanwhile; both force before closing
        }
    }

    private void recover() throws IOException {
        Files.createDirectories(settings.directory());
        try (var files = Files.list(settings.directory())) {
            files.map(path -> path.getFileName().toString())
                    .filter(name -> name.matches("\\d{20}\\" + SUFFIX))
                    .forEach(name -> segmentSizes.put(Long.parseLong(name.substring(0, 20)), 0L));
        }
        if (segmentSizes.isEmpty()) {
            segmentSizes.put(0L, 0L);
        }
        for (Long base : segmentSizes.keySet()) {
            long size = Files.exists(segmentPath(base)) ? Files.size(segmentPath(base)) : 0;
            segmentSizes.put(base, size);
            totalBytes += size;
        }
        activeBase = segmentSizes.lastKey();
        active = openSegment(activeBase);
        SegmentScan scan = SegmentScan.of(active);
        if (scan.validBytes() < active.size()) {
            LOG.warn("Journal segment {} ends in a torn or corrupt record after {} complete records: cutting {} bytes",
                    segmentPath(activeBase), scan.records(), active.size() - scan.validBytes());
            active.truncate(scan.validBytes());
            active.force(true);
            totalBytes -= segmentSizes.get(activeBase) - scan.validBytes();
        }
        activeSize = scan.validBytes();
        segmentSizes.put(activeBase, activeSize);
        nextOffset = activeBase + scan.records();
        end = new JournalPosition(nextOffset, activeBase, activeSize);
        LOG.info("Journal {}: {} segments, {} bytes, offsets {} to {}", settings.directory(), segmentSizes.size(),
                totalBytes, segmentSizes.firstKey(), nextOffset);
    }

    private FileChannel openSegment(long base) throws IOException {
        return FileChannel.open(segmentPath(base), StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
    }
}

package io.tracker.processing.internal.journal;

import io.tracker.api.Event;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.BufferOverflowException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
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
 * <p><b>Appends are copies into memory.</b> The active segment is memory-mapped (sparse, at its full
 * size), so an append copies the record into the page cache without a system call; a killed process
 * loses nothing appended, and fsync ({@code msync}) is as for a written file. A segment is cut to its
 * records' length when it rolls or the journal closes; after a crash, recovery ends the active segment
 * at its last whole record, before the zeros it was mapped with.
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
    private MappedByteBuffer activeMap;
    private long activeBase;
    private long activeSize;
    private long nextOffset;
    private long totalBytes;
    private boolean closed;

    private volatile JournalPosition end;

    // the sync thread's own: what it last forced
    private MappedByteBuffer forcedMap;
    private long forcedSize;
    /** False once the sync thread may still touch a mapping after {@link #close}: leave mappings to the GC. */
    private volatile boolean unmapOnClose = true;
    /** Rolled segments still to force, cut, close and unmap, by the sync thread (or {@link #close}). */
    private final Queue<RolledSegment> closing = new ConcurrentLinkedQueue<>();

    private record RolledSegment(FileChannel channel, MappedByteBuffer mapped, long size, long base) {
    }

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
            int written = record.remaining();
            try {
                activeMap.put((int) activeSize, record, 0, written);
            } catch (InternalError e) {
                // the JVM's answer to SIGBUS: the file system found no block for a page of the sparse file.
                // Nothing is published; the next append writes over whatever part of the record landed.
                throw new IOException("journal segment " + segmentPath(activeBase) + " could not take "
                        + written + " bytes (disk full?)", e);
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
        if (!sync.close()) {
            // it may still be forcing a mapping: unmapping that under it would crash the JVM
            LOG.warn("Journal fsync thread still busy after 5 s; closing without unmapping its segments");
            unmapOnClose = false;
        }
        synchronized (appendLock) {
            closeActive();
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

    /**
     * Starts a new segment. The full one is forced, cut and closed by the sync thread, not here: an fsync
     * under the append lock would hold up every hit for as long as the disk takes (up to a second was
     * seen). Until then it keeps its mapped length on disk; readers go by {@link #segmentLength}.
     */
    private void roll() throws IOException {
        FileChannel full = active;
        MappedByteBuffer fullMap = activeMap;
        long fullSize = activeSize;
        long fullBase = activeBase;
        segmentSizes.put(activeBase, activeSize);
        activeBase = nextOffset;
        activeSize = 0;
        active = openSegment(activeBase);
        segmentSizes.put(activeBase, 0L);
        end = new JournalPosition(nextOffset, activeBase, 0);
        closing.add(new RolledSegment(full, fullMap, fullSize, fullBase));
        sync.wake();
    }

    private void deleteOldest() throws IOException {
        Map.Entry<Long, Long> oldest = segmentSizes.pollFirstEntry();
        totalBytes -= oldest.getValue();
        Files.deleteIfExists(segmentPath(oldest.getKey()));
        LOG.debug("Deleted journal segment {}", oldest.getKey());
    }

    private void forceActive() throws IOException {
        MappedByteBuffer mapped;
        long size;
        synchronized (appendLock) {
            if (closed) {
                return;
            }
            mapped = activeMap;
            size = activeSize;
        }
        // records appended before this point lie in the segment captured above or in one rolled before it
        if (closeRolledSegments(mapped)) {
            return; // the captured segment rolled meanwhile: closing it forced it, and it is unmapped now
        }
        if (mapped != forcedMap) {
            forcedMap = mapped;
            forcedSize = 0;
        }
        try {
            // only the part written since the last force: msync of the whole mapping walks all its pages
            mapped.force((int) forcedSize, (int) (size - forcedSize));
            forcedSize = size;
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private void closeActive() throws IOException {
        closeRolledSegments(null);
        closeSegment(active, activeMap, activeSize, activeBase);
        activeMap = null;
    }

    /** @return whether {@code watched} was among the segments closed (and so must not be touched again) */
    private boolean closeRolledSegments(MappedByteBuffer watched) throws IOException {
        boolean closedWatched = false;
        for (RolledSegment next = closing.peek(); next != null; next = closing.peek()) {
            closeSegment(next.channel(), next.mapped(), next.size(), next.base());
            closing.remove(next);
            closedWatched |= next.mapped() == watched;
        }
        return closedWatched;
    }

    /** Forces a segment to disk, cuts it to its records (it is mapped larger), closes and unmaps it. */
    private void closeSegment(FileChannel channel, MappedByteBuffer mapped, long size, long base) throws IOException {
        long began = System.nanoTime();
        mapped.force();
        channel.truncate(size);
        channel.force(true); // the new length
        channel.close();
        if (unmapOnClose) {
            SegmentUnmapper.unmap(mapped);
        }
        LOG.debug("Journal segment {} closed at {} bytes in {} ms", base, size, (System.nanoTime() - began) / 1_000_000);
    }

    /**
     * The length of a segment's records: what a reader may read of it. A rolled segment may still have
     * its mapped length on disk for a moment.
     */
    long segmentLength(long base) {
        Long length = segmentSizes.get(base);
        return length == null ? -1 : length;
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
            if (!base.equals(segmentSizes.lastKey())) {
                size = cutRolledSegment(base, size);
            }
            segmentSizes.put(base, size);
            totalBytes += size;
        }
        activeBase = segmentSizes.lastKey();
        try (FileChannel segment = FileChannel.open(segmentPath(activeBase), StandardOpenOption.CREATE,
                StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            SegmentScan scan = SegmentScan.of(segment);
            if (scan.validBytes() < segment.size()) {
                if (!zerosAt(segment, scan.validBytes())) {
                    LOG.warn("Journal segment {} ends in a torn or corrupt record after {} complete records: "
                            + "cutting it there", segmentPath(activeBase), scan.records());
                } // else only the zeros it was mapped with: the process stopped without closing the journal
                segment.truncate(scan.validBytes());
                segment.force(true);
            }
            totalBytes -= segmentSizes.get(activeBase) - scan.validBytes();
            activeSize = scan.validBytes();
            nextOffset = activeBase + scan.records();
        }
        active = openSegment(activeBase);
        segmentSizes.put(activeBase, activeSize);
        end = new JournalPosition(nextOffset, activeBase, activeSize);
        LOG.info("Journal {}: {} segments, {} bytes, offsets {} to {}", settings.directory(), segmentSizes.size(),
                totalBytes, segmentSizes.firstKey(), nextOffset);
    }

    /** Opens a segment for appending and maps it, with room past the segment size for one more record. */
    private FileChannel openSegment(long base) throws IOException {
        FileChannel channel = FileChannel.open(segmentPath(base), StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        try {
            activeMap = channel.map(FileChannel.MapMode.READ_WRITE, 0,
                    settings.segmentBytes() + RecordFormat.HEADER_BYTES + RecordFormat.MAX_PAYLOAD_BYTES);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        return channel;
    }

    /**
     * A rolled segment the process did not live to cut still has its mapped length, its records followed
     * by zeros: cut it after its last record. Cut segments are not read through, only their last bytes.
     */
    private long cutRolledSegment(long base, long size) throws IOException {
        if (size < RecordFormat.HEADER_BYTES) {
            return size;
        }
        try (FileChannel segment = FileChannel.open(segmentPath(base), StandardOpenOption.READ,
                StandardOpenOption.WRITE)) {
            if (size <= settings.segmentBytes() && !zerosAt(segment, size - RecordFormat.HEADER_BYTES)) {
                return size; // cut: it ends with the end of a record
            }
            long valid = SegmentScan.of(segment).validBytes();
            if (valid < size) {
                LOG.info("Journal segment {} was rolled but not cut before the process stopped: cut after its "
                        + "records at {} bytes", segmentPath(base), valid);
                segment.truncate(valid);
                segment.force(true);
            }
            return valid;
        }
    }

    /** Whether the record header at {@code position} is all zeros: mapped but never written. */
    private static boolean zerosAt(FileChannel segment, long position) throws IOException {
        ByteBuffer header = ByteBuffer.allocate(RecordFormat.HEADER_BYTES);
        segment.read(header, position);
        for (int i = 0; i < header.position(); i++) {
            if (header.get(i) != 0) {
                return false;
            }
        }
        return true;
    }
}

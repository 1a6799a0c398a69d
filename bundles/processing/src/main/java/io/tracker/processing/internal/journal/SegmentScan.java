package io.tracker.processing.internal.journal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * Walks a segment's records from the start and stops at the first that is not whole and intact: after
 * a crash, that is where the valid part of the segment ends.
 */
record SegmentScan(long records, long validBytes) {

    static SegmentScan of(FileChannel segment) throws IOException {
        long size = segment.size();
        long position = 0;
        long records = 0;
        ByteBuffer header = ByteBuffer.allocate(RecordFormat.HEADER_BYTES);
        ByteBuffer payload = ByteBuffer.allocate(4096);
        while (position + RecordFormat.HEADER_BYTES <= size) {
            header.clear();
            readFully(segment, header, position);
            int length = header.getInt(0);
            int checksum = header.getInt(4);
            if (!RecordFormat.plausibleLength(length) || position + RecordFormat.HEADER_BYTES + length > size) {
                break;
            }
            if (payload.capacity() < length) {
                payload = ByteBuffer.allocate(length);
            }
            payload.clear().limit(length);
            readFully(segment, payload, position + RecordFormat.HEADER_BYTES);
            if (RecordFormat.checksum(payload.flip()) != checksum) {
                break;
            }
            position += RecordFormat.HEADER_BYTES + length;
            records++;
        }
        return new SegmentScan(records, position);
    }

    static void readFully(FileChannel channel, ByteBuffer into, long position) throws IOException {
        while (into.hasRemaining()) {
            int read = channel.read(into, position + into.position());
            if (read < 0) {
                throw new IOException("unexpected end of segment at " + (position + into.position()));
            }
        }
    }
}

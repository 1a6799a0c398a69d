package io.tracker.processing.internal.journal;

import java.nio.ByteBuffer;
import java.util.zip.CRC32C;

/**
 * How a record sits in a segment file: {@code int length, int crc32c(payload), payload}. The checksum
 * tells a complete record from a torn write at the tail after a crash, and from garbage.
 */
final class RecordFormat {

    static final int HEADER_BYTES = 8;
    /** Larger lengths can only come from a torn or corrupt header; nothing valid is that big. */
    static final int MAX_PAYLOAD_BYTES = 1 << 20;

    private RecordFormat() {
    }

    static int checksum(ByteBuffer payload) {
        CRC32C crc = new CRC32C();
        crc.update(payload.duplicate());
        return (int) crc.getValue();
    }

    static boolean plausibleLength(int length) {
        return length > 0 && length <= MAX_PAYLOAD_BYTES;
    }
}

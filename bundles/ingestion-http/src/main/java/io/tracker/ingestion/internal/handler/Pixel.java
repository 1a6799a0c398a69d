package io.tracker.ingestion.internal.handler;

import java.nio.ByteBuffer;

/** The transparent 1x1 GIF answered to impression hits: the smallest valid GIF, 43 bytes. */
final class Pixel {

    static final String CONTENT_TYPE = "image/gif";

    private static final byte[] BYTES = {
        'G', 'I', 'F', '8', '9', 'a',                              // header
        0x01, 0x00, 0x01, 0x00, (byte) 0x80, 0x00, 0x00,           // 1x1, global colour table of 2
        0x00, 0x00, 0x00, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF,   // black, white
        0x21, (byte) 0xF9, 0x04, 0x01, 0x00, 0x00, 0x00, 0x00,     // colour 0 is transparent
        0x2C, 0x00, 0x00, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00, // image descriptor
        0x02, 0x02, 0x44, 0x01, 0x00,                              // LZW data
        0x3B                                                        // trailer
    };

    private static final ByteBuffer BUFFER = ByteBuffer.wrap(BYTES).asReadOnlyBuffer();

    static final int LENGTH = BYTES.length;

    private Pixel() {
    }

    /** A fresh view of the shared, read-only bytes: each response consumes its own position. */
    static ByteBuffer buffer() {
        return BUFFER.duplicate();
    }
}

package io.tracker.processing.internal.event;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Event ids in the UUID version 7 layout: 48 bits of Unix milliseconds, then 74 random bits. Sorting
 * ids as strings sorts events by time (to the millisecond), and they are unique without coordination
 * between nodes.
 */
public final class TimeOrderedIds {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private TimeOrderedIds() {
    }

    /** A new id for an event received at {@code epochMillis}. */
    public static String next(long epochMillis) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (epochMillis << 16) | 0x7000L | (random.nextLong() & 0x0FFFL);
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        char[] out = new char[36];
        hex(high >>> 32, 8, out, 0);
        out[8] = '-';
        hex(high >>> 16, 4, out, 9);
        out[13] = '-';
        hex(high, 4, out, 14);
        out[18] = '-';
        hex(low >>> 48, 4, out, 19);
        out[23] = '-';
        hex(low, 12, out, 24);
        return new String(out);
    }

    private static void hex(long value, int digits, char[] out, int offset) {
        for (int i = digits - 1; i >= 0; i--) {
            out[offset + i] = HEX[(int) (value & 0xF)];
            value >>>= 4;
        }
    }
}

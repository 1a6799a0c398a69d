package io.tracker.processing.internal.journal;

import io.tracker.api.Event;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.BufferOverflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

/**
 * The journal's binary form of an event: compact, fast, and independent of any library's version, so a
 * journal written today is readable after every upgrade. Layout (big-endian):
 * <pre>
 * byte   format (1)
 * string id, string type          string = int length + UTF-8 bytes
 * long   epoch second, int nano
 * int    dimension count, then name and value strings
 * int    metric count, then name string, byte kind (L long, D double, B decimal, I integer), value
 * </pre>
 * Decimals and big integers travel as their string form, exactly.
 */
final class EventCodec {

    static final byte FORMAT = 1;

    private EventCodec() {
    }

    /** @throws BufferOverflowException if the event does not fit into {@code out} */
    static void encode(Event event, ByteBuffer out) {
        out.put(FORMAT);
        putString(out, event.id());
        putString(out, event.type());
        out.putLong(event.timestamp().getEpochSecond());
        out.putInt(event.timestamp().getNano());
        out.putInt(event.dimensions().size());
        for (Map.Entry<String, String> dimension : event.dimensions().entrySet()) {
            putString(out, dimension.getKey());
            putString(out, dimension.getValue());
        }
        out.putInt(event.metrics().size());
        for (Map.Entry<String, Number> metric : event.metrics().entrySet()) {
            putString(out, metric.getKey());
            Number value = metric.getValue();
            if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
                out.put((byte) 'L').putLong(value.longValue());
            } else if (value instanceof BigDecimal) {
                out.put((byte) 'B');
                putString(out, value.toString());
            } else if (value instanceof BigInteger) {
                out.put((byte) 'I');
                putString(out, value.toString());
            } else {
                out.put((byte) 'D').putDouble(value.doubleValue());
            }
        }
    }

    /** Reads the type only, to skip events a collector does not receive without building them. */
    static String peekType(ByteBuffer in) {
        ByteBuffer view = in.duplicate();
        checkFormat(view.get());
        skipString(view);
        return getString(view);
    }

    static Event decode(ByteBuffer in) {
        checkFormat(in.get());
        String id = getString(in);
        String type = getString(in);
        Instant timestamp = Instant.ofEpochSecond(in.getLong(), in.getInt());
        Event.Builder event = Event.builder(id, type, timestamp);
        for (int i = in.getInt(); i > 0; i--) {
            event.dimension(getString(in), getString(in));
        }
        for (int i = in.getInt(); i > 0; i--) {
            String name = getString(in);
            byte kind = in.get();
            switch (kind) {
                case 'L':
                    event.metric(name, in.getLong());
                    break;
                case 'D':
                    event.metric(name, in.getDouble());
                    break;
                case 'B':
                    event.metric(name, new BigDecimal(getString(in)));
                    break;
                case 'I':
                    event.metric(name, new BigInteger(getString(in)));
                    break;
                default:
                    throw new IllegalArgumentException("unknown metric kind " + kind);
            }
        }
        return event.build();
    }

    private static void checkFormat(byte format) {
        if (format != FORMAT) {
            throw new IllegalArgumentException("unknown event format " + format);
        }
    }

    /** UTF-8 with its length first; ASCII (nearly every value) is copied straight in, without a byte[] of its own. */
    private static void putString(ByteBuffer out, String value) {
        int length = value.length();
        int start = out.position();
        if (out.remaining() >= 4 + length) {
            out.position(start + 4);
            int i = 0;
            for (; i < length; i++) {
                char c = value.charAt(i);
                if (c >= 0x80) {
                    break;
                }
                out.put((byte) c);
            }
            if (i == length) {
                out.putInt(start, length);
                return;
            }
            out.position(start); // not ASCII: the general way
        }
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        out.putInt(bytes.length).put(bytes);
    }

    private static String getString(ByteBuffer in) {
        int length = in.getInt();
        String value = new String(in.array(), in.arrayOffset() + in.position(), length, StandardCharsets.UTF_8);
        in.position(in.position() + length);
        return value;
    }

    private static void skipString(ByteBuffer in) {
        int length = in.getInt(); // read first: it moves the position the skip starts from
        in.position(in.position() + length);
    }
}

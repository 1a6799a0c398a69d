package io.tracker.collector.log.internal;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Formats an instant exactly as {@link Instant#toString()} does, reusing the date and time of the
 * previous call when the second is the same: events of a batch share their second, and
 * {@code Instant.toString} cost a quarter of writing a line.
 */
final class IsoInstant {

    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss")
            .withZone(ZoneOffset.UTC);
    /** Years 0 to 9999 print in four digits without a sign; others take Instant's own path. */
    private static final long FIRST_SECOND = -62_167_219_200L;
    private static final long LAST_SECOND = 253_402_300_799L;

    /** The last second formatted and its text; one pair per thread (each dispatcher is one thread). */
    private static final ThreadLocal<Second> LAST = ThreadLocal.withInitial(Second::new);

    private IsoInstant() {
    }

    static String format(Instant instant) {
        long epochSecond = instant.getEpochSecond();
        if (epochSecond < FIRST_SECOND || epochSecond > LAST_SECOND) {
            return instant.toString();
        }
        Second last = LAST.get();
        if (last.text == null || last.epochSecond != epochSecond) {
            last.epochSecond = epochSecond;
            last.text = SECONDS.format(instant);
        }
        StringBuilder out = new StringBuilder(30).append(last.text);
        appendFraction(out, instant.getNano());
        return out.append('Z').toString();
    }

    /** As Instant.toString: nothing for whole seconds, else 3, 6 or 9 digits. */
    private static void appendFraction(StringBuilder out, int nanos) {
        if (nanos == 0) {
            return;
        }
        out.append('.');
        if (nanos % 1_000_000 == 0) {
            appendDigits(out, nanos / 1_000_000, 3);
        } else if (nanos % 1000 == 0) {
            appendDigits(out, nanos / 1000, 6);
        } else {
            appendDigits(out, nanos, 9);
        }
    }

    private static void appendDigits(StringBuilder out, int value, int digits) {
        String text = Integer.toString(value);
        for (int pad = digits - text.length(); pad > 0; pad--) {
            out.append('0');
        }
        out.append(text);
    }

    private static final class Second {
        long epochSecond;
        String text;
    }
}

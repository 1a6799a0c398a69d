package io.tracker.bench.report;

import io.tracker.bench.result.Measurement;
import java.util.Locale;

/** How numbers and measurements are written in every part of the report, so tables and page agree. */
final class Formats {

    static final String NONE = "–";
    private static final double MIB = 1024.0 * 1024.0;

    private Formats() {
    }

    /** A short name of the load: "pixel latency, 64 connections, 5,000 req/s". */
    static String load(Measurement m) {
        String load = m.scenario() + " " + m.mode() + ", " + m.connections() + " connections";
        return m.targetRate() > 0 ? load + ", " + integer(m.targetRate()) + " req/s" : load;
    }

    static String integer(double value) {
        return String.format(Locale.ROOT, "%,.0f", value);
    }

    static String millis(double value) {
        if (Double.isNaN(value)) {
            return NONE;
        }
        return String.format(Locale.ROOT, value < 10 ? "%.2f" : value < 100 ? "%.1f" : "%.0f", value);
    }

    static String percent(double ratio) {
        return String.format(Locale.ROOT, "%.3f", ratio * 100);
    }

    static String cores(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }

    static String ratio(double value) {
        return Double.isNaN(value) || Double.isInfinite(value) ? NONE : String.format(Locale.ROOT, "%.2f", value);
    }

    /** Bytes as MiB; negative means "not applicable" (a heap for a non-JVM target). */
    static String mebibytes(long bytes) {
        return bytes < 0 ? NONE : String.format(Locale.ROOT, "%.0f", bytes / MIB);
    }

    static String gibibytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f", bytes / (MIB * 1024));
    }
}

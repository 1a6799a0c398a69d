package io.tracker.bench.run.proc;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Heap occupancy after collections, from a JVM's {@code -Xlog:gc} file: lines such as
 * {@code [12.345s][info][gc] GC(7) Pause Young (Normal) (G1 Evacuation Pause) 85M->12M(256M) 3.456ms}.
 * Reading the log costs the target nothing and is measured under the real load, unlike asking it
 * through jcmd. A window is a byte range of the file, taken before and after the measured run.
 */
public final class GcLog {

    private static final Pattern PAUSE = Pattern.compile(
            "Pause .*?(\\d+)([KMG])->(\\d+)([KMG])\\((\\d+)([KMG])\\)");

    private GcLog() {
    }

    /** The file's current length: where the next window starts or the current one ends. */
    public static long end(Path log) {
        try {
            return Files.size(log);
        } catch (IOException e) {
            return 0; // not written yet: no collection so far
        }
    }

    /**
     * The highest heap occupancy right after a pause between the two offsets, in bytes. When no pause
     * fell in the window, the occupancy after the last pause before it (the heap has not been measured
     * since); -1 when the JVM has not collected at all.
     */
    public static long maxHeapAfterGcBytes(Path log, long fromOffset, long toOffset) throws IOException {
        if (!Files.exists(log)) {
            return -1;
        }
        long lastBefore = -1;
        long maxInside = -1;
        long offset = 0;
        for (String line : read(log, toOffset).split("\n")) {
            long lineStart = offset;
            offset += line.getBytes(StandardCharsets.UTF_8).length + 1;
            Matcher pause = PAUSE.matcher(line);
            if (!pause.find()) {
                continue;
            }
            long after = bytes(pause.group(3), pause.group(4));
            if (lineStart >= fromOffset) {
                maxInside = Math.max(maxInside, after);
            } else {
                lastBefore = after;
            }
        }
        return maxInside >= 0 ? maxInside : lastBefore;
    }

    /** Only whole lines: a line being written at {@code toOffset} is left for the next window. */
    private static String read(Path log, long toOffset) throws IOException {
        try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
            byte[] content = new byte[(int) Math.min(toOffset, file.length())];
            file.readFully(content);
            String text = new String(content, StandardCharsets.UTF_8);
            int lastNewline = text.lastIndexOf('\n');
            return lastNewline < 0 ? "" : text.substring(0, lastNewline);
        }
    }

    static long bytes(String number, String unit) {
        long value = Long.parseLong(number);
        return switch (unit) {
            case "K" -> value << 10;
            case "M" -> value << 20;
            case "G" -> value << 30;
            default -> throw new IllegalArgumentException("unit " + unit);
        };
    }
}

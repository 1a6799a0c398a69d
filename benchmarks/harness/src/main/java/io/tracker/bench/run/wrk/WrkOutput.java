package io.tracker.bench.run.wrk;

import java.util.HashMap;
import java.util.Map;

/** Reads the {@code WRK_RESULT key=value ...} line the scenario script prints from wrk's output. */
public final class WrkOutput {

    static final String MARKER = "WRK_RESULT ";

    private WrkOutput() {
    }

    /** Throws IllegalArgumentException naming what is missing when the line is absent or incomplete. */
    public static WrkResult parse(String output) {
        String line = output.lines().filter(l -> l.startsWith(MARKER)).reduce((first, second) -> second)
                .orElseThrow(() -> new IllegalArgumentException("no " + MARKER.trim() + " line in wrk output:\n"
                        + output));
        Map<String, Long> values = new HashMap<>();
        for (String pair : line.substring(MARKER.length()).trim().split("\\s+")) {
            int equals = pair.indexOf('=');
            if (equals < 0) {
                throw new IllegalArgumentException("not key=value: '" + pair + "' in " + line);
            }
            values.put(pair.substring(0, equals), Long.parseLong(pair.substring(equals + 1)));
        }
        return new WrkResult(get(values, "requests", line), get(values, "duration_us", line),
                get(values, "connect", line), get(values, "read", line), get(values, "write", line),
                get(values, "status", line), get(values, "timeout", line), get(values, "p50_us", line),
                get(values, "p90_us", line), get(values, "p99_us", line), get(values, "p999_us", line),
                get(values, "max_us", line));
    }

    private static long get(Map<String, Long> values, String key, String line) {
        Long value = values.get(key);
        if (value == null) {
            throw new IllegalArgumentException("no " + key + " in " + line);
        }
        return value;
    }
}

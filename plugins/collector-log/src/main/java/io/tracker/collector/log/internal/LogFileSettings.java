package io.tracker.collector.log.internal;

import java.nio.file.Path;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Where and how the log collector writes, validated once from {@link LogCollectorConfig}.
 *
 * @param directory     where the files are
 * @param filePattern   the active file's name: {type}, {date} (yyyy-MM-dd), {hour} (HH) and {node} are
 *                      replaced (UTC, at write time); may contain '/' for sub-folders
 * @param rollBytes     an active file reaching this size is rolled before the next batch; 0 for never
 * @param rollInterval  an active file older than this is rolled before the next batch
 * @param gzip          rolled files are compressed to .gz
 * @param fsync         each batch is forced to disk before collect returns
 * @param include       only these dimensions and metrics are written (empty: all)
 * @param exclude       these dimensions and metrics are never written
 * @param node          this tracker's name in {node}
 */
public record LogFileSettings(Path directory, String filePattern, long rollBytes, RollInterval rollInterval,
                              boolean gzip, boolean fsync, Set<String> include, Set<String> exclude, String node) {

    static final String PID = "io.tracker.collector.log";
    private static final Pattern SAFE_PATTERN = Pattern.compile("[A-Za-z0-9._{}/-]+");

    /** How often an active file is rolled regardless of its size. */
    public enum RollInterval { NONE, HOURLY, DAILY }

    public LogFileSettings {
        include = Set.copyOf(include);
        exclude = Set.copyOf(exclude);
        require(SAFE_PATTERN.matcher(filePattern).matches() && filePattern.contains("{type}")
                && !filePattern.contains("..") && !filePattern.startsWith("/"), "file.pattern", filePattern,
                "a relative file name with {type} (and optionally {date}, {hour}, {node}), letters, digits, "
                        + "'.', '_', '-' and '/'");
        require(rollBytes >= 0, "roll.bytes", rollBytes, "must not be negative");
        require(node.matches("[A-Za-z0-9._-]{1,64}"), "node", node, "letters, digits, '.', '_', '-'");
    }

    /** One file per event type, never rolled, no fsync: the defaults before any configuration. */
    static LogFileSettings simple(Path directory) {
        return new LogFileSettings(directory, "{type}.jsonl", 0, RollInterval.NONE, false, false, Set.of(), Set.of(),
                "node");
    }

    boolean keeps(String field) {
        return (include.isEmpty() || include.contains(field)) && !exclude.contains(field);
    }

    private static void require(boolean valid, String key, Object value, String reason) {
        if (!valid) {
            throw new IllegalArgumentException(PID + ": key '" + key + "' = '" + value + "': " + reason);
        }
    }
}

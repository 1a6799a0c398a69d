package io.tracker.processing.internal.intake;

/** What the console commands ask of processing; implemented by {@link IntakeComponent}. */
public interface CollectorConsole {

    /** A table of collectors: state, version, lag, counts, last error. */
    String collectors();

    /**
     * Moves a collector's cursor.
     *
     * @param from {@code earliest}, {@code latest}, an offset, or an ISO-8601 time such as 2026-11-28T10:00:00Z
     */
    String replay(String collector, String from);

    /** Appends the events of log collector files (a file or a folder) to the journal again. */
    String reingest(String path);
}

package io.tracker.benchmarks.jmh;

import io.tracker.processing.internal.intake.ProcessingConfig;
import io.tracker.processing.internal.journal.Journal;
import io.tracker.processing.internal.journal.JournalSettings;
import io.tracker.processing.internal.journal.RetentionGuard;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Journals with the settings of a default installation (the {@link ProcessingConfig} defaults: 64 MiB
 * segments, a 1 GiB quota, fsync every 100 ms), in a folder of the caller's.
 */
public final class DefaultJournals {

    /**
     * At the quota the oldest segment goes, as with the default overflow policy {@code drop-oldest} and no
     * collector behind: an append benchmark writes far more than the quota and must never be refused.
     */
    private static final RetentionGuard DROP_OLDEST = (segmentBase, segmentEnd) -> true;

    private DefaultJournals() {
    }

    public static Journal open(Path directory) throws IOException {
        ProcessingConfig defaults = ConfigAnnotations.of(ProcessingConfig.class, Map.of());
        JournalSettings settings = new JournalSettings(directory, defaults.journal_segment_bytes(),
                defaults.journal_quota_bytes(),
                JournalSettings.FsyncPolicy.valueOf(defaults.journal_fsync().toUpperCase(Locale.ROOT)),
                defaults.journal_fsync_interval_ms());
        return Journal.open(settings, DROP_OLDEST);
    }
}

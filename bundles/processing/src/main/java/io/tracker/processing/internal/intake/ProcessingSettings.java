package io.tracker.processing.internal.intake;

import io.tracker.processing.internal.dispatch.Deliveries;
import io.tracker.processing.internal.dispatch.DeliverySettings;
import io.tracker.processing.internal.dispatch.DispatchSettings;
import io.tracker.processing.internal.dispatch.RetryBackoff;
import io.tracker.processing.internal.journal.JournalSettings;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

/** {@link ProcessingConfig} checked and turned into the settings objects, with errors that name the key. */
record ProcessingSettings(JournalSettings journal, Path cursorDirectory, DeliverySettings delivery, long drainTimeoutMs,
                          long preprocessorWaitMs) {

    static final String PID = "io.tracker.processing";

    static ProcessingSettings from(ProcessingConfig config, Path home) {
        try {
            JournalSettings journal = new JournalSettings(home.resolve(config.journal_directory()),
                    config.journal_segment_bytes(), config.journal_quota_bytes(),
                    parse(JournalSettings.FsyncPolicy.class, "journal.fsync", config.journal_fsync()),
                    config.journal_fsync_interval_ms());
            DispatchSettings dispatch = new DispatchSettings(config.dispatch_batch_max_size(), config.dispatch_linger_ms(),
                    new RetryBackoff(config.dispatch_retry_initial_ms(), config.dispatch_retry_max_ms(),
                            () -> ThreadLocalRandom.current().nextDouble()));
            DeliverySettings delivery = new DeliverySettings(dispatch, config.detach_timeout_ms(),
                    config.cursor_retention_ms(),
                    parse(Deliveries.StartPosition.class, "collector.start.default", config.collector_start_default()),
                    parse(Deliveries.OverflowPolicy.class, "collector.overflow.default",
                            config.collector_overflow_default()));
            if (config.preprocessor_wait_ms() < 0) {
                throw new IllegalArgumentException("key 'preprocessor.wait.ms' = '" + config.preprocessor_wait_ms()
                        + "': must not be negative");
            }
            return new ProcessingSettings(journal, home.resolve(config.cursor_directory()), delivery,
                    config.drain_timeout_ms(), config.preprocessor_wait_ms());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(PID + ": " + e.getMessage(), e);
        }
    }

    /** 'drop-oldest' to DROP_OLDEST, with a message naming the key and the allowed values otherwise. */
    static <E extends Enum<E>> E parse(Class<E> type, String key, String value) {
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException | NullPointerException e) {
            StringBuilder allowed = new StringBuilder();
            for (E constant : type.getEnumConstants()) {
                allowed.append(allowed.length() == 0 ? "" : ", ")
                        .append(constant.name().toLowerCase(Locale.ROOT).replace('_', '-'));
            }
            throw new IllegalArgumentException("key '" + key + "' = '" + value + "': expected one of " + allowed);
        }
    }
}

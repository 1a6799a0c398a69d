package io.tracker.processing.internal.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tracker.processing.internal.dispatch.Deliveries.OverflowPolicy;
import io.tracker.processing.internal.dispatch.Deliveries.StartPosition;
import io.tracker.processing.internal.journal.JournalSettings.FsyncPolicy;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ProcessingSettingsTest {

    private static final Path HOME = Paths.get("/opt/tracker");

    /** The configuration with every attribute at its default but those given, by method name. */
    private static ProcessingConfig config(Map<String, Object> overrides) {
        return (ProcessingConfig) Proxy.newProxyInstance(ProcessingConfig.class.getClassLoader(),
                new Class<?>[] {ProcessingConfig.class}, (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "annotationType":
                            return ProcessingConfig.class;
                        case "toString":
                            return "ProcessingConfig" + overrides;
                        case "hashCode":
                            return overrides.hashCode();
                        case "equals":
                            return proxy == args[0];
                        default:
                            return overrides.containsKey(method.getName()) ? overrides.get(method.getName())
                                    : method.getDefaultValue();
                    }
                });
    }

    private static ProcessingConfig config(String method, Object value) {
        return config(Map.of(method, value));
    }

    @Test
    void theDefaultsAreValid() {
        ProcessingSettings settings = ProcessingSettings.from(config(Map.of()), HOME);

        assertThat(settings.journal().directory()).isEqualTo(HOME.resolve("data/journal"));
        assertThat(settings.journal().segmentBytes()).isEqualTo(64L * 1024 * 1024);
        assertThat(settings.journal().quotaBytes()).isEqualTo(1024L * 1024 * 1024);
        assertThat(settings.journal().fsync()).isEqualTo(FsyncPolicy.INTERVAL);
        assertThat(settings.journal().fsyncIntervalMs()).isEqualTo(100);
        assertThat(settings.cursorDirectory()).isEqualTo(HOME.resolve("data/cursors"));
        assertThat(settings.delivery().dispatch().maxBatchSize()).isEqualTo(500);
        assertThat(settings.delivery().dispatch().lingerMs()).isEqualTo(5);
        assertThat(settings.delivery().dispatch().backoff().delayMs(1)).isBetween(50L, 100L);
        assertThat(settings.delivery().dispatch().backoff().delayMs(100)).isBetween(15_000L, 30_000L);
        assertThat(settings.delivery().detachTimeoutMs()).isEqualTo(5_000);
        assertThat(settings.delivery().cursorRetentionMs()).isEqualTo(7L * 24 * 3600 * 1000);
        assertThat(settings.delivery().defaultStart()).isEqualTo(StartPosition.LATEST);
        assertThat(settings.delivery().defaultOverflow()).isEqualTo(OverflowPolicy.DROP_OLDEST);
        assertThat(settings.drainTimeoutMs()).isEqualTo(8_000);
        assertThat(settings.preprocessorWaitMs()).isEqualTo(2_000);
    }

    @Test
    void takesEveryConfiguredValue() {
        ProcessingSettings settings = ProcessingSettings.from(config(Map.ofEntries(
                Map.entry("journal_directory", "/var/lib/tracker/journal"),
                Map.entry("journal_segment_bytes", 8192L),
                Map.entry("journal_quota_bytes", 65536L),
                Map.entry("journal_fsync", "always"),
                Map.entry("journal_fsync_interval_ms", 7L),
                Map.entry("cursor_directory", "state/cursors"),
                Map.entry("cursor_retention_ms", 1000L),
                Map.entry("collector_start_default", "earliest"),
                Map.entry("collector_overflow_default", "reject"),
                Map.entry("dispatch_batch_max_size", 3),
                Map.entry("dispatch_linger_ms", 0L),
                Map.entry("dispatch_retry_initial_ms", 10L),
                Map.entry("dispatch_retry_max_ms", 10L),
                Map.entry("drain_timeout_ms", 11L),
                Map.entry("detach_timeout_ms", 12L),
                Map.entry("preprocessor_wait_ms", 0L))), HOME);

        assertThat(settings.journal().directory()).isEqualTo(Paths.get("/var/lib/tracker/journal"));
        assertThat(settings.journal().segmentBytes()).isEqualTo(8192);
        assertThat(settings.journal().quotaBytes()).isEqualTo(65536);
        assertThat(settings.journal().fsync()).isEqualTo(FsyncPolicy.ALWAYS);
        assertThat(settings.journal().fsyncIntervalMs()).isEqualTo(7);
        assertThat(settings.cursorDirectory()).isEqualTo(HOME.resolve("state/cursors"));
        assertThat(settings.delivery().cursorRetentionMs()).isEqualTo(1000);
        assertThat(settings.delivery().defaultStart()).isEqualTo(StartPosition.EARLIEST);
        assertThat(settings.delivery().defaultOverflow()).isEqualTo(OverflowPolicy.REJECT);
        assertThat(settings.delivery().dispatch().maxBatchSize()).isEqualTo(3);
        assertThat(settings.delivery().dispatch().lingerMs()).isZero();
        assertThat(settings.delivery().dispatch().backoff().delayMs(5)).isBetween(5L, 10L);
        assertThat(settings.drainTimeoutMs()).isEqualTo(11);
        assertThat(settings.delivery().detachTimeoutMs()).isEqualTo(12);
        assertThat(settings.preprocessorWaitMs()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"drop-oldest", "DROP_OLDEST", "Drop-Oldest", " drop_oldest\t"})
    void parseAcceptsEverySpellingOfDropOldest(String value) {
        assertThat(ProcessingSettings.parse(OverflowPolicy.class, "overflow.policy", value))
                .isEqualTo(OverflowPolicy.DROP_OLDEST);
    }

    @Test
    void parseTrimsAndIgnoresCase() {
        assertThat(ProcessingSettings.parse(StartPosition.class, "start.position", " latest "))
                .isEqualTo(StartPosition.LATEST);
        assertThat(ProcessingSettings.parse(StartPosition.class, "start.position", "EARLIEST"))
                .isEqualTo(StartPosition.EARLIEST);
        assertThat(ProcessingSettings.parse(FsyncPolicy.class, "journal.fsync", "Always"))
                .isEqualTo(FsyncPolicy.ALWAYS);
    }

    @ParameterizedTest
    @ValueSource(strings = {"oldest", "", " ", "drop oldest", "reject!", "dropoldest"})
    void parseRejectsOtherValuesNamingKeyValueAndTheAllowedValues(String value) {
        assertThatThrownBy(() -> ProcessingSettings.parse(OverflowPolicy.class, "collector.overflow.default", value))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'collector.overflow.default'")
                .hasMessageContaining("'" + value + "'")
                .hasMessageContaining("drop-oldest, reject");
    }

    @Test
    void parseRejectsAMissingValue() {
        assertThatThrownBy(() -> ProcessingSettings.parse(StartPosition.class, "start.position", null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'start.position'")
                .hasMessageContaining("latest, earliest");
    }

    @Test
    void aBadEnumValueFailsWithThePidAndTheKey() {
        assertThatThrownBy(() -> ProcessingSettings.from(config("collector_start_default", "first"), HOME))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(ProcessingSettings.PID + ": ")
                .hasMessageContaining("'collector.start.default'")
                .hasMessageContaining("'first'");
        assertThatThrownBy(() -> ProcessingSettings.from(config("journal_fsync", "sometimes"), HOME))
                .hasMessageStartingWith(ProcessingSettings.PID + ": ")
                .hasMessageContaining("'journal.fsync'")
                .hasMessageContaining("interval, always");
    }

    @Test
    void aTooSmallSegmentFailsWithThePid() {
        assertThatThrownBy(() -> ProcessingSettings.from(config("journal_segment_bytes", 1000L), HOME))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("io.tracker.processing: ")
                .hasMessageContaining("journal.segment.bytes")
                .hasMessageContaining("1000");
    }

    @Test
    void aQuotaBelowTwoSegmentsFailsWithThePid() {
        assertThatThrownBy(() -> ProcessingSettings.from(config(Map.of(
                "journal_segment_bytes", 1_000_000L, "journal_quota_bytes", 1_999_999L)), HOME))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("io.tracker.processing: ")
                .hasMessageContaining("journal.quota.bytes")
                .hasMessageContaining("1999999");
    }

    @Test
    void otherBadNumbersFailWithThePid() {
        assertThatThrownBy(() -> ProcessingSettings.from(config("journal_fsync_interval_ms", 0L), HOME))
                .hasMessageStartingWith("io.tracker.processing: ")
                .hasMessageContaining("journal.fsync.interval.ms");
        assertThatThrownBy(() -> ProcessingSettings.from(config("dispatch_batch_max_size", 0), HOME))
                .hasMessageStartingWith("io.tracker.processing: ")
                .hasMessageContaining("dispatch.batch.max.size");
        assertThatThrownBy(() -> ProcessingSettings.from(config("dispatch_retry_initial_ms", 0L), HOME))
                .hasMessageStartingWith("io.tracker.processing: ");
        assertThatThrownBy(() -> ProcessingSettings.from(config(Map.of(
                "dispatch_retry_initial_ms", 500L, "dispatch_retry_max_ms", 100L)), HOME))
                .hasMessageStartingWith("io.tracker.processing: ");
        assertThatThrownBy(() -> ProcessingSettings.from(config("preprocessor_wait_ms", -1L), HOME))
                .hasMessageStartingWith("io.tracker.processing: ")
                .hasMessageContaining("'preprocessor.wait.ms'");
    }
}

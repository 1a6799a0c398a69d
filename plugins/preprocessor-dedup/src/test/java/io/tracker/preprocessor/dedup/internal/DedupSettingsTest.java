package io.tracker.preprocessor.dedup.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class DedupSettingsTest {

    private static final String SOURCE = DedupSettings.FACTORY_PID + " (dedup-test.cfg)";

    @Test
    void defaults() {
        DedupSettings settings = settings(Map.of());

        assertThat(settings.name()).isEqualTo("dedup");
        assertThat(settings.windowMs()).isEqualTo(600_000);
        assertThat(settings.maxIds()).isEqualTo(1_000_000);
    }

    @Test
    void refusesValuesOutOfRangeNamingSourceKeyAndValue() {
        assertThatThrownBy(() -> settings(Map.of("window.ms", 0L)))
                .hasMessage(SOURCE + ": key 'window.ms' = '0': expected at least 1");
        assertThatThrownBy(() -> settings(Map.of("window.ms", -5L)))
                .hasMessageContaining("key 'window.ms' = '-5'");
        assertThatThrownBy(() -> settings(Map.of("max.ids", 0)))
                .hasMessage(SOURCE + ": key 'max.ids' = '0': expected 1 to 100000000");
        assertThatThrownBy(() -> settings(Map.of("max.ids", 100_000_001)))
                .hasMessageContaining("key 'max.ids' = '100000001'");
        assertThatThrownBy(() -> settings(Map.of("tracker.preprocessor.name", "")))
                .hasMessageContaining("key 'tracker.preprocessor.name'");
    }

    @Test
    void acceptsTheBounds() {
        assertThat(settings(Map.of("window.ms", 1L, "max.ids", 1)).maxIds()).isEqualTo(1);
        assertThat(settings(Map.of("max.ids", 100_000_000)).maxIds()).isEqualTo(100_000_000);
    }

    private static DedupSettings settings(Map<String, ?> properties) {
        return DedupSettings.from(TestConfigs.of(DedupConfig.class, properties), SOURCE);
    }
}

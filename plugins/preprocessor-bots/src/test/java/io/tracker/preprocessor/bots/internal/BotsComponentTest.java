package io.tracker.preprocessor.bots.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The component as SCR builds it: from its configuration and properties, without a framework. */
class BotsComponentTest {

    @Test
    void filtersWithTheBundledListAndTheConfiguredExtras() {
        BotsComponent component = new BotsComponent(TestConfigs.of(BotsConfig.class,
                Map.of("action", "drop", "extra.patterns", "acme-probe")), Map.of());

        assertThat(component.process(BotFilterTest.event(Map.of("ua", "Googlebot/2.1")))).isNull();
        assertThat(component.process(BotFilterTest.event(Map.of("ua", "acme-probe/1")))).isNull();
        assertThat(component.process(BotFilterTest.event(Map.of("ua", "Mozilla/5.0 Firefox/121.0")))).isNotNull();
    }

    @Test
    void aBadConfigurationFailsActivationNamingItsFileKeyAndValue() {
        assertThatThrownBy(() -> new BotsComponent(TestConfigs.of(BotsConfig.class, Map.of("action", "block")),
                Map.of("felix.fileinstall.filename", "file:/t/config/io.tracker.preprocessor.bots-default.cfg")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("io.tracker.preprocessor.bots (file:/t/config/io.tracker.preprocessor.bots-default.cfg): "
                        + "key 'action' = 'block': expected flag or drop");
    }
}

package io.tracker.preprocessor.bots.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class BotsSettingsTest {

    private static final String SOURCE = BotsSettings.FACTORY_PID + " (bots-test.cfg)";

    @Test
    void defaults() {
        BotsSettings settings = settings(Map.of());

        assertThat(settings.name()).isEqualTo("bots");
        assertThat(settings.userAgentDimension()).isEqualTo("ua");
        assertThat(settings.action()).isEqualTo(BotsSettings.Action.FLAG);
        assertThat(settings.flagDimension()).isEqualTo("bot");
        assertThat(settings.extraPatterns().bots()).isEmpty();
        assertThat(settings.missingIsBot()).isTrue();
    }

    @Test
    void actionIgnoresCaseAndSpaces() {
        assertThat(settings(Map.of("action", " DROP ")).action()).isEqualTo(BotsSettings.Action.DROP);
    }

    @Test
    void refusesAnUnknownActionNamingSourceKeyAndValue() {
        assertThatThrownBy(() -> settings(Map.of("action", "block")))
                .hasMessage(SOURCE + ": key 'action' = 'block': expected flag or drop");
    }

    @Test
    void refusesEmptyDimensionNames() {
        assertThatThrownBy(() -> settings(Map.of("user.agent.dimension", "")))
                .hasMessage(SOURCE + ": key 'user.agent.dimension' = '': a dimension name is required");
        assertThatThrownBy(() -> settings(Map.of("flag.dimension", " ")))
                .hasMessageContaining("key 'flag.dimension'");
    }

    @Test
    void refusesAFlagThatWouldOverwriteTheUserAgent() {
        assertThatThrownBy(() -> settings(Map.of("flag.dimension", "ua")))
                .hasMessage(SOURCE + ": key 'flag.dimension' = 'ua': the flag would overwrite the user agent dimension");
        assertThat(settings(Map.of("flag.dimension", "ua", "action", "drop")).action())
                .isEqualTo(BotsSettings.Action.DROP);
    }

    @Test
    void parsesExtraPatternsAndRefusesABadOneNamingIt() {
        assertThat(settings(Map.of("extra.patterns", "Acme, ,!Ours")).extraPatterns().bots()).containsExactly("acme");
        assertThat(settings(Map.of("extra.patterns", "Acme, ,!Ours")).extraPatterns().exceptions())
                .containsExactly("ours");
        assertThatThrownBy(() -> settings(Map.of("extra.patterns", "acme,b\u00f6t")))
                .hasMessageStartingWith(SOURCE + ": key 'extra.patterns' = 'acme,b\u00f6t': entry 2 'b\u00f6t': "
                        + "patterns are printable ASCII");
    }

    private static BotsSettings settings(Map<String, ?> properties) {
        return BotsSettings.from(TestConfigs.of(BotsConfig.class, properties), SOURCE);
    }
}

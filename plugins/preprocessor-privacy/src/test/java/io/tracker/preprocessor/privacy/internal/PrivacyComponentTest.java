package io.tracker.preprocessor.privacy.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tracker.api.Event;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The component as SCR builds it: from its configuration and properties, without a framework. */
class PrivacyComponentTest {

    @Test
    void processesWithTheConfiguredRules() {
        PrivacyComponent component = new PrivacyComponent(TestConfigs.of(PrivacyConfig.class,
                Map.of("drop.dimensions", "phone")), Map.of());

        Event processed = component.process(PrivacyPreprocessorTest.event(Map.of("ip", "192.0.2.99", "phone", "1")));

        assertThat(processed.dimensions()).containsExactly(Map.entry("ip", "192.0.2.0"));
    }

    @Test
    void aBadConfigurationFailsActivationNamingItsFileKeyAndValue() {
        Map<String, Object> properties = Map.of("felix.fileinstall.filename",
                "file:/opt/tracker/config/io.tracker.preprocessor.privacy-default.cfg",
                "service.pid", "io.tracker.preprocessor.privacy~default");

        assertThatThrownBy(() -> new PrivacyComponent(TestConfigs.of(PrivacyConfig.class,
                Map.of("ipv6.prefix.bits", 200)), properties))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("io.tracker.preprocessor.privacy (file:/opt/tracker/config/"
                        + "io.tracker.preprocessor.privacy-default.cfg): key 'ipv6.prefix.bits' = '200': expected 0 to 128");
    }

    @Test
    void describesAConfigurationByItsPidWhenItHasNoFile() {
        assertThat(PrivacyComponent.describeSource(Map.of("service.pid", "io.tracker.preprocessor.privacy~x")))
                .isEqualTo("io.tracker.preprocessor.privacy (io.tracker.preprocessor.privacy~x)");
        assertThat(PrivacyComponent.describeSource(Map.of())).isEqualTo("io.tracker.preprocessor.privacy");
    }
}

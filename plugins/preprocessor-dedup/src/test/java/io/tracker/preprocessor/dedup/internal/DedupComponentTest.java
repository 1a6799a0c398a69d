package io.tracker.preprocessor.dedup.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The component as SCR builds it: from its configuration and properties, without a framework. */
class DedupComponentTest {

    @Test
    void dropsRepeatsOfAnId() {
        DedupComponent component = new DedupComponent(TestConfigs.of(DedupConfig.class, Map.of()), Map.of());

        assertThat(component.process(DedupPreprocessorTest.event("idem-1"))).isNotNull();
        assertThat(component.process(DedupPreprocessorTest.event("idem-1"))).isNull();
        assertThat(component.process(DedupPreprocessorTest.event("idem-2"))).isNotNull();
        component.deactivate();
    }

    @Test
    void aBadConfigurationFailsActivationNamingItsPidKeyAndValue() {
        assertThatThrownBy(() -> new DedupComponent(TestConfigs.of(DedupConfig.class, Map.of("max.ids", -1)),
                Map.of("service.pid", "io.tracker.preprocessor.dedup~clicks")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("io.tracker.preprocessor.dedup (io.tracker.preprocessor.dedup~clicks): key 'max.ids' = '-1': "
                        + "expected 1 to 100000000");
    }
}

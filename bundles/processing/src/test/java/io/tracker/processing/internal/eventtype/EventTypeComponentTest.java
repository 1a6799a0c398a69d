package io.tracker.processing.internal.eventtype;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The component as SCR runs it: one per configuration, keeping the registry in step. */
class EventTypeComponentTest {

    private final EventTypeRegistry registry = new EventTypeRegistry();

    private static Map<String, Object> configuration(String pid, String... keyValues) {
        Map<String, Object> properties = new LinkedHashMap<>(TestTypes.properties(keyValues));
        properties.put("service.pid", pid);
        properties.put("felix.fileinstall.filename", "file:/x/config/io.tracker.eventtype-" + pid + ".cfg");
        return properties;
    }

    @Test
    void activationRegistersTheTypeAndDeactivationRemovesIt() throws Exception {
        EventTypeComponent component = new EventTypeComponent(registry, configuration("video", "path", "/v/{event}"));

        assertThat(registry.route("/v/start").eventType()).isEqualTo("video");

        component.deactivate();
        assertThat(registry.route("/v/start")).isNull();
    }

    @Test
    void aBrokenConfigurationFailsActivationNamingFileAndKey() {
        assertThatThrownBy(() -> new EventTypeComponent(registry, configuration("video", "path", "/v",
                "dimension.e", "path:event")))
                .isInstanceOf(InvalidEventTypeException.class)
                .hasMessageStartingWith("file:/x/config/io.tracker.eventtype-video.cfg: key 'dimension.e'");
        assertThat(registry.route("/v")).isNull();
    }

    @Test
    void aBrokenChangeKeepsThePreviousDefinitionServing() throws Exception {
        EventTypeComponent component = new EventTypeComponent(registry, configuration("impression", "path", "/i"));
        EventTypeDefinition before = registry.route("/i");

        component.modified(configuration("impression", "path", "/i2", "metric.v", "query:v", "metric.v.type", "string"));

        assertThat(registry.route("/i")).isSameAs(before);
        assertThat(registry.route("/i2")).isNull();
    }

    @Test
    void aGoodChangeReplacesTheDefinitionUnderTheSamePid() throws Exception {
        EventTypeComponent component = new EventTypeComponent(registry, configuration("impression", "path", "/i"));

        component.modified(configuration("impression", "path", "/imp", "dimension.cid", "query:cid"));

        assertThat(registry.route("/i")).isNull();
        assertThat(registry.route("/imp").fields()).extracting(FieldRule::name).containsExactly("cid");
    }

    @Test
    void aPathTakenByAnotherConfigurationFailsActivation() throws Exception {
        new EventTypeComponent(registry, configuration("impression", "path", "/i"));

        assertThatThrownBy(() -> new EventTypeComponent(registry, configuration("view", "path", "/i")))
                .isInstanceOf(InvalidEventTypeException.class)
                .hasMessageContaining("io.tracker.eventtype-view.cfg: key 'path' = '/i'");
        assertThat(registry.route("/i").eventType()).isEqualTo("impression");
    }
}

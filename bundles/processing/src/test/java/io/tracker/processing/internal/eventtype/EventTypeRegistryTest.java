package io.tracker.processing.internal.eventtype;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tracker.processing.spi.ResponseKind;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EventTypeRegistryTest {

    private final EventTypeRegistry registry = new EventTypeRegistry();

    private static EventTypeDefinition type(String name, String path) {
        return new EventTypeDefinition(name, path, Set.of("GET"), ResponseKind.PIXEL, "url", List.of());
    }

    @Test
    void routesEachPathToItsEventType() throws Exception {
        EventTypeDefinition impression = type("impression", "/i");
        EventTypeDefinition click = type("click", "/c");
        registry.register("pid-1", impression, "impression.cfg");
        registry.register("pid-2", click, "click.cfg");

        assertThat(registry.route("/i")).isSameAs(impression);
        assertThat(registry.route("/c")).isSameAs(click);
        assertThat(registry.route("/x")).isNull();
        assertThat(registry.route("/i/")).isNull();
    }

    @Test
    void routesNothingWhenEmpty() {
        assertThat(registry.route("/i")).isNull();
    }

    @Test
    void replacingUnderTheSamePidMovesThePath() throws Exception {
        registry.register("pid-1", type("impression", "/i"), "impression.cfg");
        EventTypeDefinition moved = type("impression", "/imp");

        registry.register("pid-1", moved, "impression.cfg");

        assertThat(registry.route("/imp")).isSameAs(moved);
        assertThat(registry.route("/i")).isNull();
    }

    @Test
    void replacingUnderTheSamePidMayKeepPathAndName() throws Exception {
        registry.register("pid-1", type("impression", "/i"), "impression.cfg");
        EventTypeDefinition changed = new EventTypeDefinition("impression", "/i", Set.of("GET", "POST"),
                ResponseKind.NO_CONTENT, "url", List.of());

        registry.register("pid-1", changed, "impression.cfg");

        assertThat(registry.route("/i")).isSameAs(changed);
    }

    @Test
    void rejectsASecondPidWithTheSamePathAndKeepsServingTheFirst() throws Exception {
        EventTypeDefinition first = type("impression", "/i");
        registry.register("pid-1", first, "impression.cfg");

        assertThatThrownBy(() -> registry.register("pid-2", type("view", "/i"), "file:/config/view.cfg"))
                .isInstanceOf(InvalidEventTypeException.class)
                .hasMessageContaining("file:/config/view.cfg")
                .hasMessageContaining("key 'path'")
                .hasMessageContaining("impression");

        assertThat(registry.route("/i")).isSameAs(first);
    }

    @Test
    void rejectsASecondPidWithTheSameNameAndKeepsServingTheFirst() throws Exception {
        EventTypeDefinition first = type("impression", "/i");
        registry.register("pid-1", first, "impression.cfg");

        assertThatThrownBy(() -> registry.register("pid-2", type("impression", "/i2"), "file:/config/other.cfg"))
                .isInstanceOf(InvalidEventTypeException.class)
                .hasMessageContaining("file:/config/other.cfg")
                .hasMessageContaining("key 'name'");

        assertThat(registry.route("/i")).isSameAs(first);
        assertThat(registry.route("/i2")).isNull();
    }

    @Test
    void aRejectedReplacementKeepsThePreviousDefinitionOfThatPid() throws Exception {
        EventTypeDefinition impression = type("impression", "/i");
        registry.register("pid-1", impression, "impression.cfg");
        registry.register("pid-2", type("click", "/c"), "click.cfg");

        assertThatThrownBy(() -> registry.register("pid-1", type("impression", "/c"), "impression.cfg"))
                .isInstanceOf(InvalidEventTypeException.class);

        assertThat(registry.route("/i")).isSameAs(impression);
        assertThat(registry.route("/c").eventType()).isEqualTo("click");
    }

    @Test
    void unregisterRemovesTheRouteAndFreesPathAndName() throws Exception {
        registry.register("pid-1", type("impression", "/i"), "impression.cfg");
        registry.register("pid-2", type("click", "/c"), "click.cfg");

        registry.unregister("pid-1");

        assertThat(registry.route("/i")).isNull();
        assertThat(registry.route("/c")).isNotNull();
        EventTypeDefinition again = type("impression", "/i");
        registry.register("pid-3", again, "impression2.cfg");
        assertThat(registry.route("/i")).isSameAs(again);
    }

    @Test
    void unregisteringAnUnknownPidChangesNothing() throws Exception {
        registry.register("pid-1", type("impression", "/i"), "impression.cfg");

        registry.unregister("pid-unknown");

        assertThat(registry.route("/i")).isNotNull();
    }
}

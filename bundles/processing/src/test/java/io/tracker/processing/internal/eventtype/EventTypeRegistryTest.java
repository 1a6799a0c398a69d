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
        return TestTypes.plain(name, path);
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
        EventTypeDefinition changed = new EventTypeDefinition("impression", PathTemplate.parse("/i"),
                Set.of("GET", "POST"), ResponseKind.NO_CONTENT, "url", null, null, List.of(), Set.of(), List.of(),
                1024, 10);

        registry.register("pid-1", changed, "impression.cfg");

        assertThat(registry.route("/i")).isSameAs(changed);
    }

    @Test
    void rejectsASecondPidWithTheSamePathAndKeepsServingTheFirst() throws Exception {
        EventTypeDefinition first = type("impression", "/i");
        registry.register("pid-1", first, "impression.cfg");

        assertThatThrownBy(() -> registry.register("pid-2", type("view", "/i"), "file:/config/view.cfg"))
                .isInstanceOf(InvalidEventTypeException.class)
                .hasMessage("file:/config/view.cfg: key 'path' = '/i': already used by event type 'impression'");

        assertThat(registry.route("/i")).isSameAs(first);
    }

    @Test
    void aSecondPidMayDefineTheSameTypeNameAtAnotherPath() throws Exception {
        // a conversion pixel and a conversion JSON API: collectors attach to the type, not the path
        EventTypeDefinition pixel = type("conversion", "/cv");
        EventTypeDefinition api = type("conversion", "/api/conversions");
        registry.register("pid-1", pixel, "conversion.cfg");

        registry.register("pid-2", api, "conversion-api.cfg");

        assertThat(registry.route("/cv")).isSameAs(pixel);
        assertThat(registry.route("/api/conversions")).isSameAs(api);
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
    void unregisterRemovesTheRouteAndFreesThePath() throws Exception {
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

    @Test
    void routesAPathWithVariablesToItsTemplate() throws Exception {
        EventTypeDefinition video = type("video", "/v/{event}");
        registry.register("pid-1", video, "video.cfg");

        assertThat(registry.route("/v/start")).isSameAs(video);
        assertThat(registry.route("/v/complete")).isSameAs(video);
        assertThat(registry.route("/v")).isNull();
        assertThat(registry.route("/v/")).isNull();
        assertThat(registry.route("/v/start/x")).isNull();
    }

    @Test
    void anExactPathWinsOverATemplateThatAlsoMatches() throws Exception {
        EventTypeDefinition video = type("video", "/v/{event}");
        EventTypeDefinition special = type("special", "/v/special");
        registry.register("pid-1", video, "video.cfg");
        registry.register("pid-2", special, "special.cfg");

        assertThat(registry.route("/v/special")).isSameAs(special);
        assertThat(registry.route("/v/start")).isSameAs(video);
    }

    @Test
    void theTemplateWithFewerVariablesWins() throws Exception {
        EventTypeDefinition two = type("generic", "/{kind}/{event}");
        EventTypeDefinition one = type("video", "/v/{event}");
        registry.register("pid-1", two, "generic.cfg");
        registry.register("pid-2", one, "video.cfg");

        assertThat(registry.route("/v/start")).isSameAs(one);
        assertThat(registry.route("/a/start")).isSameAs(two);
    }

    @Test
    void templatesWithAsManyVariablesAreTriedInPathOrderWhateverTheRegistrationOrder() throws Exception {
        EventTypeDefinition byEvent = type("by-event", "/v/{event}");
        EventTypeDefinition byKind = type("by-kind", "/{kind}/start");
        registry.register("pid-1", byKind, "kind.cfg");
        registry.register("pid-2", byEvent, "event.cfg");

        assertThat(registry.route("/v/start")).as("'/v/{event}' sorts before '/{kind}/start'").isSameAs(byEvent);

        EventTypeRegistry reversed = new EventTypeRegistry();
        reversed.register("pid-2", byEvent, "event.cfg");
        reversed.register("pid-1", byKind, "kind.cfg");
        assertThat(reversed.route("/v/start")).isSameAs(byEvent);
    }

    @Test
    void rejectsASecondPidWithTheSameTemplate() throws Exception {
        registry.register("pid-1", type("video", "/v/{event}"), "video.cfg");

        assertThatThrownBy(() -> registry.register("pid-2", type("other", "/v/{event}"), "other.cfg"))
                .isInstanceOf(InvalidEventTypeException.class)
                .hasMessageContaining("other.cfg: key 'path' = '/v/{event}'")
                .hasMessageContaining("'video'");
    }

    @Test
    void rejectsATemplateThatDiffersOnlyInItsVariableNames() throws Exception {
        registry.register("pid-1", type("video", "/v/{event}"), "video.cfg");

        assertThatThrownBy(() -> registry.register("pid-2", type("other", "/v/{name}"), "other.cfg"))
                .isInstanceOf(InvalidEventTypeException.class)
                .hasMessageContaining("other.cfg: key 'path'");
    }

    @Test
    void unregisteringATemplateRemovesItsRoute() throws Exception {
        registry.register("pid-1", type("video", "/v/{event}"), "video.cfg");
        registry.register("pid-2", type("impression", "/i"), "impression.cfg");

        registry.unregister("pid-1");

        assertThat(registry.route("/v/start")).isNull();
        assertThat(registry.route("/i")).isNotNull();
    }

    @Test
    void replacingAnExactPathByATemplateUnderTheSamePidMovesItBetweenTheLookups() throws Exception {
        registry.register("pid-1", type("video", "/v/start"), "video.cfg");
        EventTypeDefinition templated = type("video", "/v/{event}");

        registry.register("pid-1", templated, "video.cfg");

        assertThat(registry.route("/v/start")).isSameAs(templated);
        assertThat(registry.route("/v/midpoint")).isSameAs(templated);
    }
}

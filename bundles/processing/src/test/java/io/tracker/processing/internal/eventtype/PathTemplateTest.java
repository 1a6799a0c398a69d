package io.tracker.processing.internal.eventtype;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class PathTemplateTest {

    @Test
    void anExactPathMatchesItselfOnly() {
        PathTemplate path = PathTemplate.parse("/i");

        assertThat(path.exact()).isTrue();
        assertThat(path.variables()).isEmpty();
        assertThat(path.template()).isEqualTo("/i");
        assertThat(path).hasToString("/i");
        assertThat(path.match("/i")).isEmpty();
        assertThat(path.match("/i/")).isNull();
        assertThat(path.match("/I")).isNull();
        assertThat(path.match("/ix")).isNull();
        assertThat(path.match("/")).isNull();
    }

    @Test
    void aMultiSegmentExactPathMatchesItselfOnly() {
        PathTemplate path = PathTemplate.parse("/api/v1.2/conversions");

        assertThat(path.exact()).isTrue();
        assertThat(path.match("/api/v1.2/conversions")).isEmpty();
        assertThat(path.match("/api/v1x2/conversions")).as("a dot is literal").isNull();
    }

    @Test
    void aVariableMatchesOneWholeSegment() {
        PathTemplate path = PathTemplate.parse("/v/{event}");

        assertThat(path.exact()).isFalse();
        assertThat(path.variables()).containsExactly("event");
        assertThat(path.match("/v/start")).isEqualTo(Map.of("event", "start"));
        assertThat(path.match("/v/first.Quartile-2")).isEqualTo(Map.of("event", "first.Quartile-2"));
        assertThat(path.match("/v/")).as("not an empty segment").isNull();
        assertThat(path.match("/v")).isNull();
        assertThat(path.match("/v/a/b")).as("not two segments").isNull();
        assertThat(path.match("/w/start")).isNull();
    }

    @Test
    void variablesKeepTheirOrderAndEachGetsItsSegment() {
        PathTemplate path = PathTemplate.parse("/{campaign}/c/{creative}/x");

        assertThat(path.variables()).containsExactly("campaign", "creative");
        assertThat(path.match("/summer/c/banner-7/x")).isEqualTo(Map.of("campaign", "summer", "creative", "banner-7"));
        assertThat(path.match("/summer/c/banner-7")).isNull();
        assertThat(path.match("/summer/d/banner-7/x")).isNull();
    }

    @Test
    void theVariablesAreACopy() {
        PathTemplate path = PathTemplate.parse("/v/{event}");

        path.variables().clear();

        assertThat(path.variables()).containsExactly("event");
    }

    @Test
    void theRootPathIsExact() {
        PathTemplate root = PathTemplate.parse("/");

        assertThat(root.exact()).isTrue();
        assertThat(root.match("/")).isEmpty();
        assertThat(root.match("/i")).isNull();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"i", "v/{event}", " /i", "http://x/i"})
    void aPathMustBeAbsolute(String template) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> PathTemplate.parse(template))
                .withMessage("must be an absolute path such as /i or /v/{event}");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/a b", "/v/{event", "/v/x{event}", "/v/{event}x", "/v/{1event}", "/v/{}", "/i?x=1",
        "/v/{ev-ent}", "/caf\u00e9", "/a%20b", "/*"})
    void aSegmentIsLiteralCharactersOrOneWholeVariable(String template) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> PathTemplate.parse(template))
                .withMessageStartingWith("segment '")
                .withMessageEndingWith("' must be letters, digits, '.', '_', '~', '-' or a whole {variable}");
    }

    @Test
    void theMessageNamesTheBadSegment() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> PathTemplate.parse("/ok/b@d/{x}"))
                .withMessageStartingWith("segment 'b@d' ");
    }

    @Test
    void aVariableMayNotAppearTwice() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> PathTemplate.parse("/{id}/x/{id}"))
                .withMessage("variable {id} appears twice");
    }

    @Test
    void aVariableNameIsAtMost32Characters() {
        String longest = "v" + "a".repeat(31);

        assertThat(PathTemplate.parse("/{" + longest + "}").variables()).containsExactly(longest);
        assertThatIllegalArgumentException().isThrownBy(() -> PathTemplate.parse("/{" + longest + "a}"));
    }
}

package io.tracker.processing.internal.eventtype;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tracker.processing.spi.ResponseKind;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EventTypeParserTest {

    private static final String FILE = "file:/x/config/io.tracker.eventtype-signup.cfg";
    private static final String PID = "io.tracker.eventtype~signup";

    /** Properties as FileInstall and ConfigAdmin hand them over: every value a String, plus framework keys. */
    private static Map<String, Object> fromFile(String... keyValues) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("felix.fileinstall.filename", FILE);
        properties.put("service.pid", PID);
        properties.put("service.factoryPid", EventTypeParser.FACTORY_PID);
        for (int i = 0; i < keyValues.length; i += 2) {
            properties.put(keyValues[i], keyValues[i + 1]);
        }
        return properties;
    }

    private static AbstractThrowableAssert<?, ? extends Throwable> assertRejected(Map<String, ?> properties,
                                                                               String key) {
        return assertThatThrownBy(() -> EventTypeParser.parse(properties))
                .isInstanceOf(InvalidEventTypeException.class)
                .hasMessageContaining(FILE)
                .hasMessageContaining("key '" + key + "'");
    }

    @Test
    void parsesAFullConfigurationWithStringValuesAsFileInstallGivesThem() throws Exception {
        Map<String, Object> properties = fromFile(
                "path", "/i",
                "methods", "GET,POST",
                "response", "no-content",
                "redirect.parameter", "to",
                "dimension.cid", "query:cid",
                "dimension.creative", "query:crid");

        EventTypeDefinition definition = EventTypeParser.parse(properties);

        assertThat(definition.eventType()).isEqualTo("signup");
        assertThat(definition.path()).isEqualTo("/i");
        assertThat(definition.methods()).containsExactlyInAnyOrder("GET", "POST");
        assertThat(definition.response()).isEqualTo(ResponseKind.NO_CONTENT);
        assertThat(definition.redirectParameter()).isEqualTo("to");
        assertThat(definition.dimensions()).containsExactly(
                new DimensionRule("cid", "cid"), new DimensionRule("creative", "crid"));
    }

    @Test
    void takesTheNameFromTheFileNameAfterTheFactoryPid() throws Exception {
        EventTypeDefinition definition = EventTypeParser.parse(fromFile("path", "/s"));

        assertThat(definition.eventType()).isEqualTo("signup");
    }

    @Test
    void anExplicitNameWinsOverTheFileName() throws Exception {
        EventTypeDefinition definition = EventTypeParser.parse(fromFile("name", "register", "path", "/s"));

        assertThat(definition.eventType()).isEqualTo("register");
    }

    @Test
    void aBlankNameFallsBackToTheFileName() throws Exception {
        EventTypeDefinition definition = EventTypeParser.parse(fromFile("name", "  ", "path", "/s"));

        assertThat(definition.eventType()).isEqualTo("signup");
    }

    @Test
    void appliesDefaultsForMethodsResponseAndRedirectParameter() throws Exception {
        EventTypeDefinition definition = EventTypeParser.parse(fromFile("path", "/s"));

        assertThat(definition.methods()).containsExactly("GET");
        assertThat(definition.response()).isEqualTo(ResponseKind.PIXEL);
        assertThat(definition.redirectParameter()).isEqualTo("url");
        assertThat(definition.dimensions()).isEmpty();
    }

    @Test
    void acceptsMethodsAsAStringArrayInAnyCaseWithSpaces() throws Exception {
        Map<String, Object> properties = fromFile("path", "/s");
        properties.put("methods", new String[] {"get", " Post ", "HEAD"});

        assertThat(EventTypeParser.parse(properties).methods()).containsExactlyInAnyOrder("GET", "POST", "HEAD");
    }

    @Test
    void acceptsACommaListOfMethodsWithSpacesAndEmptyEntries() throws Exception {
        EventTypeDefinition definition = EventTypeParser.parse(fromFile("path", "/s", "methods", " head , ,post"));

        assertThat(definition.methods()).containsExactlyInAnyOrder("HEAD", "POST");
    }

    @ParameterizedTest
    @CsvSource({"pixel, PIXEL", "no-content, NO_CONTENT", "redirect, REDIRECT"})
    void parsesEveryResponseKind(String value, ResponseKind expected) throws Exception {
        assertThat(EventTypeParser.parse(fromFile("path", "/s", "response", value)).response()).isEqualTo(expected);
    }

    @Test
    void trimsTextValues() throws Exception {
        EventTypeDefinition definition = EventTypeParser.parse(
                fromFile("path", " /s ", "response", " redirect ", "redirect.parameter", " to "));

        assertThat(definition.path()).isEqualTo("/s");
        assertThat(definition.response()).isEqualTo(ResponseKind.REDIRECT);
        assertThat(definition.redirectParameter()).isEqualTo("to");
    }

    @Test
    void sortsDimensionsByName() throws Exception {
        EventTypeDefinition definition = EventTypeParser.parse(fromFile("path", "/s",
                "dimension.zone", "query:z", "dimension.ad", "query:a", "dimension.m", "query:m"));

        assertThat(definition.dimensions()).extracting(DimensionRule::dimension).containsExactly("ad", "m", "zone");
    }

    @Test
    void ignoresFrameworkKeysWhateverTheirValueTypes() throws Exception {
        Map<String, Object> properties = fromFile("path", "/s");
        properties.put("component.name", "io.tracker.processing.internal.eventtype.EventTypeComponent");
        properties.put("component.id", 17L);
        properties.put("service.bundleid", 4L);
        properties.put(".hidden", new String[] {"x"});

        assertThat(EventTypeParser.parse(properties).eventType()).isEqualTo("signup");
    }

    @Test
    void rejectsAMissingPath() {
        assertRejected(fromFile("methods", "GET"), "path");
    }

    @Test
    void rejectsAPathThatDoesNotStartWithASlash() {
        assertRejected(fromFile("path", "i"), "path").hasMessageContaining("'i'");
    }

    @Test
    void rejectsAPathThatIsNotASingleText() {
        Map<String, Object> properties = fromFile();
        properties.put("path", new String[] {"/a", "/b"});

        assertRejected(properties, "path");
    }

    @Test
    void rejectsAnUnsupportedMethod() {
        assertRejected(fromFile("path", "/s", "methods", "GET,PUT"), "methods").hasMessageContaining("GET,PUT");
    }

    @Test
    void rejectsAnUnsupportedMethodInAStringArray() {
        Map<String, Object> properties = fromFile("path", "/s");
        properties.put("methods", new String[] {"GET", "DELETE"});

        assertRejected(properties, "methods");
    }

    @Test
    void rejectsAnEmptyMethodList() {
        assertRejected(fromFile("path", "/s", "methods", " , "), "methods");
    }

    @Test
    void rejectsAnUnknownResponse() {
        assertRejected(fromFile("path", "/s", "response", "gif"), "response").hasMessageContaining("'gif'");
    }

    @Test
    void rejectsAnUnknownKeySoThatATypoIsNoticed() {
        assertRejected(fromFile("path", "/s", "dimensoin.cid", "query:cid"), "dimensoin.cid");
    }

    @Test
    void rejectsADimensionWithASourceOtherThanQuery() {
        assertRejected(fromFile("path", "/s", "dimension.cid", "header:X-Cid"), "dimension.cid")
                .hasMessageContaining("header:X-Cid");
    }

    @Test
    void rejectsADimensionWithoutAQueryParameterName() {
        assertRejected(fromFile("path", "/s", "dimension.cid", "query: "), "dimension.cid");
    }

    @Test
    void rejectsABadDimensionName() {
        assertRejected(fromFile("path", "/s", "dimension.c$d", "query:cid"), "dimension.c$d");
    }

    @Test
    void rejectsAnEmptyDimensionName() {
        assertRejected(fromFile("path", "/s", "dimension.", "query:cid"), "dimension.");
    }

    @Test
    void rejectsABadExplicitName() {
        assertRejected(fromFile("name", "sign up", "path", "/s"), "name").hasMessageContaining("'sign up'");
    }

    @Test
    void rejectsAFileNameThatDoesNotFollowTheFactoryPattern() {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("felix.fileinstall.filename", "file:/x/config/signup.cfg");
        properties.put("path", "/s");

        assertThatThrownBy(() -> EventTypeParser.parse(properties))
                .isInstanceOf(InvalidEventTypeException.class)
                .hasMessageContaining("file:/x/config/signup.cfg")
                .hasMessageContaining("key 'name'");
    }

    @Test
    void rejectsAConfigurationWithNeitherNameNorFileAndNamesItsPid() {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("service.pid", "io.tracker.eventtype~abc");
        properties.put("path", "/s");

        assertThatThrownBy(() -> EventTypeParser.parse(properties))
                .isInstanceOf(InvalidEventTypeException.class)
                .hasMessageContaining("io.tracker.eventtype~abc")
                .hasMessageContaining("key 'name'");
    }

    @Test
    void describesTheSourceByFileThenPidThenFactoryPid() {
        assertThat(EventTypeParser.describeSource(fromFile())).isEqualTo(FILE);
        assertThat(EventTypeParser.describeSource(Map.of("service.pid", PID))).isEqualTo(PID);
        assertThat(EventTypeParser.describeSource(Map.of())).isEqualTo("io.tracker.eventtype configuration");
    }

    @Test
    void readsTheQueryParameterNameWithoutTheSpaceAfterTheColon() throws Exception {
        EventTypeDefinition definition = EventTypeParser.parse(fromFile("path", "/s", "dimension.cid", "query: cid"));

        assertThat(definition.dimensions()).isEqualTo(List.of(new DimensionRule("cid", "cid")));
    }
}

package io.tracker.processing.internal.eventtype;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tracker.processing.spi.ResponseKind;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

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
                .hasMessageStartingWith(FILE + ": ")
                .hasMessageContaining("key '" + key + "'");
    }

    private static FieldRule field(EventTypeDefinition definition, String name) {
        return definition.fields().stream().filter(rule -> rule.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no field " + name + " in " + definition.fields()));
    }

    /** What a field's source reads from a hit with these query parameters. */
    private static String readsFromQuery(FieldRule rule, String... nameValues) {
        TestHit hit = TestHit.get("/s");
        for (int i = 0; i < nameValues.length; i += 2) {
            hit.query(nameValues[i], nameValues[i + 1]);
        }
        return rule.source().read(new HitContext(hit, Map.of(), null));
    }

    @Nested
    class Basics {

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
            assertThat(definition.pathTemplate().exact()).isTrue();
            assertThat(definition.methods()).containsExactly("GET", "POST");
            assertThat(definition.response()).isEqualTo(ResponseKind.NO_CONTENT);
            assertThat(definition.redirectParameter()).isEqualTo("to");
            assertThat(definition.fields()).extracting(FieldRule::name).containsExactly("cid", "creative");
            assertThat(readsFromQuery(field(definition, "cid"), "cid", "42", "crid", "7")).isEqualTo("42");
            assertThat(readsFromQuery(field(definition, "creative"), "cid", "42", "crid", "7")).isEqualTo("7");
            assertThat(definition.fields()).allSatisfy(rule -> {
                assertThat(rule.metric()).isFalse();
                assertThat(rule.kind()).isEqualTo("dimension");
                assertThat(rule.type()).isSameAs(ValueType.STRING);
                assertThat(rule.maxLength()).isEqualTo(FieldRule.DEFAULT_MAX_LENGTH).isEqualTo(1024);
                assertThat(rule.defaultValue()).isNull();
            });
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
        void appliesDefaultsForEverythingOptional() throws Exception {
            EventTypeDefinition definition = EventTypeParser.parse(fromFile("path", "/s"));

            assertThat(definition.methods()).containsExactly("GET");
            assertThat(definition.response()).isEqualTo(ResponseKind.PIXEL);
            assertThat(definition.redirectParameter()).isEqualTo("url");
            assertThat(definition.redirectFallback()).isNull();
            assertThat(definition.idSource()).isNull();
            assertThat(definition.fields()).isEmpty();
            assertThat(definition.required()).isEmpty();
            assertThat(definition.preprocessors()).isEmpty();
            assertThat(definition.maxBodyBytes()).isEqualTo(64 * 1024);
            assertThat(definition.maxBatchEvents()).isEqualTo(100);
        }

        @Test
        void aJsonTypeDefaultsToPost() throws Exception {
            EventTypeDefinition definition = EventTypeParser.parse(fromFile("path", "/api/s", "response", "json"));

            assertThat(definition.response()).isEqualTo(ResponseKind.JSON);
            assertThat(definition.methods()).containsExactly("POST");
        }

        @Test
        void acceptsMethodsAsAStringArrayInAnyCaseWithSpaces() throws Exception {
            Map<String, Object> properties = fromFile("path", "/s");
            properties.put("methods", new String[] {"get", " Post ", "HEAD"});

            assertThat(EventTypeParser.parse(properties).methods()).containsExactly("GET", "POST", "HEAD");
        }

        @Test
        void acceptsACommaListOfMethodsWithSpacesAndEmptyEntries() throws Exception {
            EventTypeDefinition definition = EventTypeParser.parse(fromFile("path", "/s", "methods", " head , ,post"));

            assertThat(definition.methods()).containsExactly("HEAD", "POST");
        }

        @ParameterizedTest
        @CsvSource({"pixel, PIXEL", "no-content, NO_CONTENT", "redirect, REDIRECT", "json, JSON"})
        void parsesEveryResponseKind(String value, ResponseKind expected) throws Exception {
            assertThat(EventTypeParser.parse(fromFile("path", "/s", "response", value)).response()).isEqualTo(expected);
        }

        @Test
        void trimsTextValues() throws Exception {
            EventTypeDefinition definition = EventTypeParser.parse(fromFile("path", " /s ", "response", " redirect ",
                    "redirect.parameter", " to ", "redirect.fallback", " https://example.com/ ",
                    "dimension.cid", " query:cid ", "dimension.cid.type", " long ", "dimension.cid.default", " 7 "));

            assertThat(definition.path()).isEqualTo("/s");
            assertThat(definition.response()).isEqualTo(ResponseKind.REDIRECT);
            assertThat(definition.redirectParameter()).isEqualTo("to");
            assertThat(definition.redirectFallback()).isEqualTo("https://example.com/");
            assertThat(field(definition, "cid").type()).isSameAs(ValueType.LONG);
            assertThat(field(definition, "cid").defaultValue()).isEqualTo("7");
        }

        @Test
        void ignoresFrameworkKeysWhateverTheirValueTypes() throws Exception {
            Map<String, Object> properties = fromFile("path", "/s");
            properties.put("component.name", "io.tracker.processing.internal.eventtype.EventTypeComponent");
            properties.put("component.id", 17L);
            properties.put("service.bundleid", 4L);
            properties.put("osgi.ds.satisfying.condition.target", "(osgi.condition.id=true)");
            properties.put("registry.target", "(x=y)");
            properties.put(".hidden", new String[] {"x"});

            assertThat(EventTypeParser.parse(properties).eventType()).isEqualTo("signup");
        }

        @Test
        void describesTheSourceByFileThenPidThenFactoryPid() {
            assertThat(EventTypeParser.describeSource(fromFile())).isEqualTo(FILE);
            assertThat(EventTypeParser.describeSource(Map.of("service.pid", PID))).isEqualTo(PID);
            assertThat(EventTypeParser.describeSource(Map.of())).isEqualTo("io.tracker.eventtype configuration");
        }
    }

    @Nested
    class Fields {

        @Test
        void sortsDimensionsThenMetricsByName() throws Exception {
            EventTypeDefinition definition = EventTypeParser.parse(fromFile("path", "/s",
                    "metric.price", "query:p", "dimension.zone", "query:z", "dimension.ad", "query:a",
                    "metric.count", "query:n", "dimension.m", "query:m"));

            assertThat(definition.fields()).extracting(FieldRule::name).containsExactly("ad", "m", "zone", "count",
                    "price");
            assertThat(definition.fields()).extracting(FieldRule::metric).containsExactly(false, false, false, true,
                    true);
        }

        @Test
        void readsTheQueryParameterNameWithoutTheSpaceAfterTheColon() throws Exception {
            EventTypeDefinition definition = EventTypeParser.parse(fromFile("path", "/s", "dimension.cid", "query: cid"));

            assertThat(definition.fields()).singleElement().extracting(FieldRule::name).isEqualTo("cid");
            assertThat(readsFromQuery(definition.fields().get(0), "cid", "42")).isEqualTo("42");
        }

        @Test
        void aMetricIsADecimalUnlessTypedLong() throws Exception {
            EventTypeDefinition definition = EventTypeParser.parse(fromFile("path", "/s",
                    "metric.price", "query:p", "metric.count", "query:n", "metric.count.type", "long"));

            assertThat(field(definition, "price").type()).isSameAs(ValueType.DECIMAL);
            assertThat(field(definition, "price").kind()).isEqualTo("metric");
            assertThat(field(definition, "count").type()).isSameAs(ValueType.LONG);
        }

        @Test
        void readsTypeMaxLengthAndDefaultOfADimension() throws Exception {
            EventTypeDefinition definition = EventTypeParser.parse(fromFile("path", "/s",
                    "dimension.e", "query:e", "dimension.e.type", "enum(start|complete)",
                    "dimension.e.default", "start", "dimension.cur", "query:cur", "dimension.cur.max.length", "3"));

            FieldRule event = field(definition, "e");
            assertThat(event.type()).hasToString("enum(start|complete)");
            assertThat(event.defaultValue()).isEqualTo("start");
            assertThat(event.maxLength()).isEqualTo(1024);
            assertThat(field(definition, "cur").maxLength()).isEqualTo(3);
        }

        @ParameterizedTest
        @ValueSource(strings = {"query:q", "header:X-Q", "cookie:q", "json:/q", "const:q", "client.ip", "user-agent",
            "referer", "user.id"})
        void acceptsEverySourceKind(String spec) throws Exception {
            EventTypeDefinition definition = EventTypeParser.parse(fromFile("path", "/s", "dimension.q", spec));

            assertThat(definition.fields()).singleElement().extracting(FieldRule::source).isNotNull();
        }

        @Test
        void aPathSourceReadsAVariableOfTheTemplate() throws Exception {
            EventTypeDefinition definition = EventTypeParser.parse(fromFile("path", "/v/{event}",
                    "dimension.e", "path:event"));

            assertThat(definition.pathTemplate().variables()).containsExactly("event");
            assertThat(definition.fields().get(0).source()
                    .read(new HitContext(TestHit.get("/v/start"), Map.of("event", "start"), null))).isEqualTo("start");
        }

        @Test
        void readsTheIdSource() throws Exception {
            EventTypeDefinition definition = EventTypeParser.parse(fromFile("path", "/s", "id", "query:eid"));

            assertThat(definition.idSource()).isNotNull();
            assertThat(definition.idSource().read(new HitContext(TestHit.get("/s").query("eid", "e-1"), Map.of(), null)))
                    .isEqualTo("e-1");
        }

        @Test
        void readsRequiredFieldsAsACommaListOrAnArray() throws Exception {
            EventTypeDefinition fromText = EventTypeParser.parse(fromFile("path", "/s", "dimension.order", "query:o",
                    "metric.value", "query:v", "required", " value , order,"));
            Map<String, Object> properties = fromFile("path", "/s", "dimension.order", "query:o");
            properties.put("required", new String[] {" order "});

            assertThat(fromText.required()).containsExactly("value", "order");
            assertThat(EventTypeParser.parse(properties).required()).containsExactly("order");
        }

        @Test
        void readsPreprocessorsInOrder() throws Exception {
            EventTypeDefinition definition = EventTypeParser.parse(fromFile("path", "/s",
                    "preprocessors", "bots, privacy ,dedup"));

            assertThat(definition.preprocessors()).containsExactly("bots", "privacy", "dedup");
        }

        @Test
        void readsLimitsAndRedirectFallback() throws Exception {
            EventTypeDefinition definition = EventTypeParser.parse(fromFile("path", "/s", "response", "redirect",
                    "redirect.fallback", "https://example.com/sorry", "max.body.bytes", "1024",
                    "max.batch.events", "5"));

            assertThat(definition.redirectFallback()).isEqualTo("https://example.com/sorry");
            assertThat(definition.maxBodyBytes()).isEqualTo(1024);
            assertThat(definition.maxBatchEvents()).isEqualTo(5);
        }
    }

    @Nested
    class Errors {

        @Test
        void rejectsAMissingPath() {
            assertRejected(fromFile("methods", "GET"), "path");
        }

        @Test
        void rejectsAPathThatDoesNotStartWithASlash() {
            assertRejected(fromFile("path", "i"), "path").hasMessageContaining("'i'");
        }

        @Test
        void rejectsABadPathSegmentSayingWhy() {
            assertRejected(fromFile("path", "/v/{event"), "path").hasMessageContaining("'/v/{event'")
                    .hasMessageContaining("segment '{event'");
        }

        @Test
        void rejectsAPathThatIsNotASingleText() {
            Map<String, Object> properties = fromFile();
            properties.put("path", new String[] {"/a", "/b"});

            assertRejected(properties, "path").hasMessageContaining("[/a, /b]");
        }

        @Test
        void rejectsAnUnsupportedMethod() {
            assertRejected(fromFile("path", "/s", "methods", "GET,PUT"), "methods").hasMessageContaining("GET,PUT");
        }

        @Test
        void rejectsAnUnsupportedMethodInAStringArray() {
            Map<String, Object> properties = fromFile("path", "/s");
            properties.put("methods", new String[] {"GET", "DELETE"});

            assertRejected(properties, "methods").hasMessageContaining("[GET, DELETE]");
        }

        @Test
        void rejectsAnEmptyMethodList() {
            assertRejected(fromFile("path", "/s", "methods", " , "), "methods");
        }

        @Test
        void rejectsAnUnknownResponse() {
            assertRejected(fromFile("path", "/s", "response", "gif"), "response").hasMessageContaining("'gif'")
                    .hasMessageEndingWith("expected pixel, no-content, redirect or json");
        }

        @Test
        void rejectsAnUnknownKeySoThatATypoIsNoticed() {
            assertRejected(fromFile("path", "/s", "dimensoin.cid", "query:cid"), "dimensoin.cid")
                    .hasMessageContaining("'query:cid'").hasMessageContaining("unknown key");
            assertRejected(fromFile("path", "/s", "max.body", "10"), "max.body").hasMessageContaining("unknown key");
        }

        @Test
        void rejectsAnUnknownFieldOption() {
            assertRejected(fromFile("path", "/s", "dimension.cid", "query:cid", "dimension.cid.maxlength", "3"),
                    "dimension.cid.maxlength")
                    .hasMessageContaining("unknown option 'maxlength', expected type, max.length or default");
            assertRejected(fromFile("path", "/s", "metric.v", "query:v", "metric.v.unit", "eur"), "metric.v.unit")
                    .hasMessageContaining("unknown option 'unit'");
        }

        @Test
        void rejectsOptionsWithoutTheSource() {
            assertRejected(fromFile("path", "/s", "dimension.cid.type", "long"), "dimension.cid")
                    .hasMessageContaining("options are set but not the source itself");
            assertRejected(fromFile("path", "/s", "metric.value.default", "0"), "metric.value")
                    .hasMessageContaining("not the source itself");
        }

        @Test
        void rejectsAFieldValueThatIsNotASingleText() {
            Map<String, Object> properties = fromFile("path", "/s");
            properties.put("dimension.cid", new String[] {"query:a", "query:b"});

            assertRejected(properties, "dimension.cid").hasMessageContaining("expected a single text value");
        }

        @Test
        void rejectsADimensionWithAnUnknownSource() {
            assertRejected(fromFile("path", "/s", "dimension.cid", "headr:X-Cid"), "dimension.cid")
                    .hasMessageContaining("headr:X-Cid").hasMessageContaining("unknown source");
        }

        @Test
        void rejectsADimensionWithoutAQueryParameterName() {
            assertRejected(fromFile("path", "/s", "dimension.cid", "query: "), "dimension.cid");
        }

        @Test
        void rejectsABadIdSource() {
            assertRejected(fromFile("path", "/s", "id", "query:"), "id");
        }

        @Test
        void rejectsABadType() {
            assertRejected(fromFile("path", "/s", "dimension.cid", "query:cid", "dimension.cid.type", "integer"),
                    "dimension.cid.type").hasMessageContaining("'integer'").hasMessageContaining("unknown type");
        }

        @ParameterizedTest
        @ValueSource(strings = {"string", "boolean", "timestamp", "enum(1|2)"})
        void rejectsAMetricWithANonNumericType(String type) {
            assertRejected(fromFile("path", "/s", "metric.v", "query:v", "metric.v.type", type), "metric.v.type")
                    .hasMessageContaining("'" + type + "'").hasMessageEndingWith("a metric is long or decimal");
        }

        @Test
        void rejectsAMaxLengthOnAMetric() {
            assertRejected(fromFile("path", "/s", "metric.v", "query:v", "metric.v.max.length", "3"),
                    "metric.v.max.length").hasMessageEndingWith("only dimensions have a length");
        }

        @ParameterizedTest
        @ValueSource(strings = {"0", "-1", "three", "1.5", ""})
        void rejectsAMaxLengthThatIsNotAPositiveWholeNumber(String value) {
            assertRejected(fromFile("path", "/s", "dimension.cid", "query:cid", "dimension.cid.max.length", value),
                    "dimension.cid.max.length").hasMessageEndingWith("expected a positive whole number");
        }

        @Test
        void rejectsADefaultThatDoesNotFitTheType() {
            assertRejected(fromFile("path", "/s", "metric.v", "query:v", "metric.v.default", "free"),
                    "metric.v.default").hasMessageContaining("'free'")
                    .hasMessageContaining("does not fit type decimal: 'free' is not a number");
            assertRejected(fromFile("path", "/s", "dimension.e", "query:e", "dimension.e.type", "enum(a|b)",
                    "dimension.e.default", "c"), "dimension.e.default")
                    .hasMessageContaining("does not fit type enum(a|b): 'c' is not one of a, b");
            assertRejected(fromFile("path", "/s", "metric.n", "query:n", "metric.n.type", "long",
                    "metric.n.default", "1.5"), "metric.n.default").hasMessageContaining("does not fit type long");
        }

        @Test
        void rejectsRequiredNamingAnUnknownField() {
            assertRejected(fromFile("path", "/s", "dimension.order", "query:o", "required", "order,ordr"), "required")
                    .hasMessageContaining("'ordr' is not a dimension or metric of this type");
        }

        @Test
        void rejectsAPathSourceNamingNoVariableOfThePath() {
            assertRejected(fromFile("path", "/v/{event}", "dimension.e", "path:evnt"), "dimension.e")
                    .hasMessageContaining("path:evnt names no variable of the path (it has [event])");
            assertRejected(fromFile("path", "/v", "id", "path:id"), "id").hasMessageContaining("path:id");
        }

        @Test
        void rejectsABadJsonPointer() {
            assertRejected(fromFile("path", "/s", "dimension.o", "json:"), "dimension.o")
                    .hasMessageContaining("expects a JSON pointer");
            assertRejected(fromFile("path", "/s", "dimension.o", "json:/order~2id"), "dimension.o")
                    .hasMessageContaining("expects a JSON pointer");
        }

        @Test
        void refusesTheNameInvalid() {
            assertRejected(fromFile("name", "invalid", "path", "/s"), "name")
                    .hasMessageContaining("'invalid' is the type of the events that record rejected hits");
        }

        @Test
        void refusesTheNameInvalidFromTheFileNameToo() {
            Map<String, Object> properties = new LinkedHashMap<>();
            properties.put("felix.fileinstall.filename", "file:/x/config/io.tracker.eventtype-invalid.cfg");
            properties.put("path", "/s");

            assertThatThrownBy(() -> EventTypeParser.parse(properties))
                    .isInstanceOf(InvalidEventTypeException.class)
                    .hasMessageStartingWith("file:/x/config/io.tracker.eventtype-invalid.cfg: key 'name' = 'invalid'");
        }

        @ParameterizedTest
        @ValueSource(strings = {"/sorry", "example.com", "ftp://example.com/", "javascript:alert(1)",
            "https://exa mple.com/"})
        void rejectsABadRedirectFallback(String fallback) {
            assertRejected(fromFile("path", "/s", "response", "redirect", "redirect.fallback", fallback),
                    "redirect.fallback").hasMessageContaining("'" + fallback + "'")
                    .hasMessageEndingWith("expected an absolute http(s) URL");
        }

        @ParameterizedTest
        @CsvSource({"max.body.bytes, 0", "max.body.bytes, lots", "max.batch.events, -1", "max.batch.events, 1e3"})
        void rejectsLimitsThatAreNotPositiveWholeNumbers(String key, String value) {
            assertRejected(fromFile("path", "/s", key, value), key).hasMessageContaining("'" + value + "'")
                    .hasMessageEndingWith("expected a positive whole number");
        }

        @Test
        void rejectsBadPreprocessorLists() {
            assertRejected(fromFile("path", "/s", "preprocessors", "bots,bots"), "preprocessors")
                    .hasMessageContaining("'bots' is listed twice");
            assertRejected(fromFile("path", "/s", "preprocessors", "bots;privacy"), "preprocessors")
                    .hasMessageContaining("comma-separated");
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
    }

    @Test
    void theShippedTestTypesParse() {
        // the helper other tests build on: name from its file name, path /i
        EventTypeDefinition type = TestTypes.parse("dimension.cid", "query:cid");

        assertThat(type.eventType()).isEqualTo("test");
        assertThat(type.path()).isEqualTo("/i");
        assertThat(type.fields()).extracting(FieldRule::name).isEqualTo(List.of("cid"));
    }
}

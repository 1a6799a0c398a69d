package io.tracker.processing.internal.eventtype;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;

class ValueSourceTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static String read(String spec, TestHit hit) {
        return ValueSource.parse(spec, Set.of()).read(new HitContext(hit, Map.of(), null));
    }

    private static String readJson(String spec, String json) throws Exception {
        JsonNode item = JSON.readTree(json);
        return ValueSource.parse(spec, Set.of()).read(new HitContext(TestHit.post("/api", json), Map.of(), item));
    }

    @Nested
    class Reading {

        @Test
        void queryReadsTheParameter() {
            TestHit hit = TestHit.get("/i").query("cid", "42").query("empty", "");

            assertThat(read("query:cid", hit)).isEqualTo("42");
            assertThat(read("query:empty", hit)).isEmpty();
            assertThat(read("query:absent", hit)).isNull();
        }

        @Test
        void theArgumentIsTrimmed() {
            assertThat(read("query: cid ", TestHit.get("/i").query("cid", "42"))).isEqualTo("42");
            assertThat(read("  header:X-Site  ", TestHit.get("/i").header("X-Site", "news"))).isEqualTo("news");
        }

        @Test
        void headerReadsTheHeaderByName() {
            TestHit hit = TestHit.get("/i").header("X-Campaign", "c-7");

            assertThat(read("header:X-Campaign", hit)).isEqualTo("c-7");
            assertThat(read("header:x-campaign", hit)).as("header names are case-insensitive").isEqualTo("c-7");
            assertThat(read("header:X-Other", hit)).isNull();
        }

        @Test
        void cookieReadsTheCookie() {
            TestHit hit = TestHit.get("/i").cookie("seg", "sports");

            assertThat(read("cookie:seg", hit)).isEqualTo("sports");
            assertThat(read("cookie:other", hit)).isNull();
        }

        @Test
        void pathReadsAVariableOfTheMatchedPath() {
            ValueSource source = ValueSource.parse("path:event", Set.of("event", "id"));

            assertThat(source.read(new HitContext(TestHit.get("/v/start"), Map.of("event", "start", "id", "9"), null)))
                    .isEqualTo("start");
            assertThat(source.read(new HitContext(TestHit.get("/v/start"), Map.of(), null))).isNull();
        }

        @Test
        void constIsTheValueAfterTheColonWhateverTheRequest() {
            assertThat(read("const:web", TestHit.get("/i"))).isEqualTo("web");
            assertThat(read("const:a:b", TestHit.get("/i"))).as("only the first colon separates").isEqualTo("a:b");
            assertThat(read("const: spaced value ", TestHit.get("/i"))).isEqualTo("spaced value");
        }

        @Test
        void clientIpIsTheHitsClientAddress() {
            assertThat(read("client.ip", TestHit.get("/i").clientIp("203.0.113.9"))).isEqualTo("203.0.113.9");
            assertThat(read("client.ip", TestHit.get("/i"))).isNull();
        }

        @Test
        void userAgentAndRefererAreTheirHeaders() {
            TestHit hit = TestHit.get("/i").header("user-agent", "Mozilla/5.0").header("REFERER", "https://news.example/");

            assertThat(read("user-agent", hit)).isEqualTo("Mozilla/5.0");
            assertThat(read("referer", hit)).isEqualTo("https://news.example/");
            assertThat(read("user-agent", TestHit.get("/i"))).isNull();
            assertThat(read("referer", TestHit.get("/i"))).isNull();
        }

        @Test
        void userIdIsTheHitsUserId() {
            assertThat(read("user.id", TestHit.get("/i").userId("u-123456789abcdef"))).isEqualTo("u-123456789abcdef");
            assertThat(read("user.id", TestHit.get("/i"))).as("opted out").isNull();
        }

        @Test
        void jsonReadsAValueByPointerAsText() throws Exception {
            String body = "{\"order\":{\"id\":\"o-1\",\"value\":19.99,\"items\":3,\"paid\":true},\"tags\":[\"a\",\"b\"],"
                    + "\"none\":null,\"empty\":\"\"}";

            assertThat(readJson("json:/order/id", body)).isEqualTo("o-1");
            assertThat(readJson("json:/order/value", body)).isEqualTo("19.99");
            assertThat(readJson("json:/order/items", body)).isEqualTo("3");
            assertThat(readJson("json:/order/paid", body)).isEqualTo("true");
            assertThat(readJson("json:/tags/1", body)).isEqualTo("b");
            assertThat(readJson("json:/empty", body)).isEmpty();
        }

        @Test
        void jsonGivesAnObjectOrArrayAsItsJsonText() throws Exception {
            String body = "{\"order\":{\"id\":\"o-1\"},\"tags\":[\"a\",1]}";

            assertThat(readJson("json:/order", body)).isEqualTo("{\"id\":\"o-1\"}");
            assertThat(readJson("json:/tags", body)).isEqualTo("[\"a\",1]");
        }

        @Test
        void jsonGivesNullForAMissingOrNullValue() throws Exception {
            String body = "{\"order\":{\"id\":\"o-1\"},\"none\":null}";

            assertThat(readJson("json:/none", body)).isNull();
            assertThat(readJson("json:/absent", body)).isNull();
            assertThat(readJson("json:/order/absent/deeper", body)).isNull();
        }

        @Test
        void jsonPointerMayOmitTheLeadingSlashAndUsesRfc6901Escapes() throws Exception {
            String body = "{\"order\":{\"id\":\"o-1\"},\"a/b\":\"slash\",\"m~n\":\"tilde\"}";

            assertThat(readJson("json:order/id", body)).isEqualTo("o-1");
            assertThat(readJson("json:/a~1b", body)).isEqualTo("slash");
            assertThat(readJson("json:/m~0n", body)).isEqualTo("tilde");
        }

        @Test
        void jsonReadsNothingFromABeaconHitWithoutABody() {
            assertThat(read("json:/order/id", TestHit.get("/i").query("order", "o-1"))).isNull();
        }
    }

    @Nested
    class Errors {

        @ParameterizedTest
        @org.junit.jupiter.params.provider.ValueSource(strings = {"query:", "query: ", "query:a b", "query:a=b", "query:a&b", "query:a;b", "query:a,b"})
        void aQueryNeedsAParameterNameWithoutSpacesOrSeparators(String spec) {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> ValueSource.parse(spec, Set.of()))
                    .withMessage("expected query:<param> with a name without spaces");
        }

        @Test
        void headerAndCookieNeedANameToo() {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> ValueSource.parse("header:", Set.of()))
                    .withMessage("expected header:<name> with a name without spaces");
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> ValueSource.parse("cookie:my cookie", Set.of()))
                    .withMessage("expected cookie:<name> with a name without spaces");
        }

        @Test
        void aNameIsAtMost128Characters() {
            assertThat(ValueSource.parse("query:" + "p".repeat(128), Set.of())).isNotNull();
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> ValueSource.parse("query:" + "p".repeat(129), Set.of()));
        }

        @Test
        void pathMustNameAVariableOfThePath() {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> ValueSource.parse("path:evnt", Set.of("event")))
                    .withMessage("path:evnt names no variable of the path (it has [event])");
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> ValueSource.parse("path:event", Set.of()))
                    .withMessage("path:event names no variable of the path (it has [])");
        }

        @ParameterizedTest
        @org.junit.jupiter.params.provider.ValueSource(strings = {"queyr:cid", "ip", "useragent", "client-ip", "user_id", "body:x", "QUERY:cid"})
        void anUnknownKindListsTheKinds(String spec) {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> ValueSource.parse(spec, Set.of()))
                    .withMessage("unknown source '" + spec + "', expected query:<param>, header:<name>, "
                            + "cookie:<name>, path:<var>, json:<pointer>, client.ip, user-agent, referer, user.id "
                            + "or const:<value>");
        }

        @Test
        void anEmptyOrMissingSpecIsAnUnknownSource() {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> ValueSource.parse("  ", Set.of()))
                    .withMessageStartingWith("unknown source '',");
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> ValueSource.parse(null, Set.of()))
                    .withMessageStartingWith("unknown source '',");
        }

        @ParameterizedTest
        @org.junit.jupiter.params.provider.ValueSource(strings = {"json:", "json:/order~2value", "json:/a~"})
        void aBadJsonPointerIsRejected(String spec) {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> ValueSource.parse(spec, Set.of()))
                    .withMessageStartingWith("json:<pointer> expects a JSON pointer such as /order/value");
        }
    }
}

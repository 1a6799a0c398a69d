package io.tracker.processing.internal.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tracker.api.Event;
import io.tracker.processing.internal.eventtype.EventTypeDefinition;
import io.tracker.processing.internal.eventtype.HitContext;
import io.tracker.processing.internal.eventtype.TestHit;
import io.tracker.processing.internal.eventtype.TestTypes;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EventFactoryTest {

    private static final Instant NOW = Instant.parse("2026-03-01T10:15:30.123Z");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final EventFactory factory = new EventFactory(Clock.fixed(NOW, ZoneOffset.UTC));

    private static final EventTypeDefinition IMPRESSION = TestTypes.parse("name", "impression",
            "dimension.cid", "query:cid", "dimension.creative", "query:crid", "dimension.site", "query:s");

    private EventFactory.Built build(EventTypeDefinition type, TestHit hit) {
        return factory.build(type, new HitContext(hit, Map.of(), null));
    }

    private Event valid(EventTypeDefinition type, TestHit hit) {
        EventFactory.Built built = build(type, hit);
        assertThat(built.errors()).as("errors").isEmpty();
        assertThat(built.valid()).isTrue();
        return built.event();
    }

    private static TestHit hit() {
        return TestHit.get("/i");
    }

    @Nested
    class IdTypeAndTime {

        @Test
        void setsIdTypeAndTimestamp() {
            Event event = valid(IMPRESSION, hit());

            assertThat(event.type()).isEqualTo("impression");
            assertThat(event.timestamp()).isEqualTo(NOW);
            UUID id = UUID.fromString(event.id());
            assertThat(id.version()).isEqualTo(7);
            assertThat(id.getMostSignificantBits() >>> 16).isEqualTo(NOW.toEpochMilli());
            assertThat(event.metrics()).isEmpty();
        }

        @Test
        void cutsTheTimestampToMilliseconds() {
            EventFactory precise = new EventFactory(Clock.fixed(NOW.plusNanos(456_789), ZoneOffset.UTC));

            Event event = precise.build(IMPRESSION, new HitContext(hit(), Map.of(), null)).event();

            assertThat(event.timestamp()).isEqualTo(NOW);
        }

        @Test
        void givesEveryEventItsOwnId() {
            Event first = valid(IMPRESSION, hit());
            Event second = valid(IMPRESSION, hit());

            assertThat(first.id()).isNotEqualTo(second.id());
        }
    }

    @Nested
    class ClientIds {

        private final EventTypeDefinition withId = TestTypes.parse("id", "query:eid", "dimension.cid", "query:cid");

        @ParameterizedTest
        @ValueSource(strings = {"e-1", "A.b_c:d-9", "x"})
        void aValidClientIdBecomesTheEventId(String id) {
            assertThat(valid(withId, hit().query("eid", id)).id()).isEqualTo(id);
        }

        @Test
        void aClientIdOf128CharactersIsValid() {
            String id = "i".repeat(128);

            assertThat(valid(withId, hit().query("eid", id)).id()).isEqualTo(id);
        }

        @Test
        void withoutAClientIdTheEventGetsAGeneratedId() {
            assertThat(UUID.fromString(valid(withId, hit()).id()).version()).isEqualTo(7);
            assertThat(UUID.fromString(valid(withId, hit().query("eid", "")).id()).version()).isEqualTo(7);
        }

        @ParameterizedTest
        @ValueSource(strings = {"e 1", "e/1", "é", "e1;drop", "<script>"})
        void aClientIdWithOtherCharactersIsAnError(String id) {
            EventFactory.Built built = build(withId, hit().query("eid", id).query("cid", "42"));

            assertThat(built.valid()).isFalse();
            assertThat(built.errors()).containsExactly(
                    "id: '" + id + "' is not 1-128 letters, digits, '.', '_', ':' or '-'");
            assertThat(UUID.fromString(built.event().id()).version()).as("a generated id instead").isEqualTo(7);
            assertThat(built.event().dimensions()).containsEntry("cid", "42");
        }

        @Test
        void aClientIdLongerThan128CharactersIsAnError() {
            EventFactory.Built built = build(withId, hit().query("eid", "i".repeat(129)));

            assertThat(built.errors()).singleElement().asString().startsWith("id: 'iii").contains("1-128");
        }

        @Test
        void theErrorQuotesAtMost2048CharactersOfAHugeId() {
            EventFactory.Built built = build(withId, hit().query("eid", "i".repeat(100_000)));

            assertThat(built.errors()).singleElement().asString()
                    .isEqualTo("id: '" + "i".repeat(2048) + "' is not 1-128 letters, digits, '.', '_', ':' or '-'");
        }

        @Test
        void anIdMayComeFromTheJsonBody() throws Exception {
            EventTypeDefinition api = TestTypes.parse("response", "json", "id", "json:/id");

            Event event = factory.build(api, new HitContext(TestHit.post("/i", "{}"), Map.of(),
                    JSON.readTree("{\"id\":\"order-17\"}"))).event();

            assertThat(event.id()).isEqualTo("order-17");
        }
    }

    @Nested
    class Sources {

        @Test
        void readsDimensionsFromTheirQueryParametersInRuleOrder() {
            Event event = valid(IMPRESSION, hit().query("s", "news").query("crid", "7").query("cid", "42")
                    .query("other", "x"));

            assertThat(event.dimensions()).containsExactly(
                    entry("cid", "42"), entry("creative", "7"), entry("site", "news"));
        }

        @Test
        void skipsMissingAndEmptyParameters() {
            Event event = valid(IMPRESSION, hit().query("cid", "").query("s", "news"));

            assertThat(event.dimensions()).containsExactly(entry("site", "news"));
        }

        @Test
        void readsEverySourceKindOfABeaconHit() {
            EventTypeDefinition type = TestTypes.parse("path", "/v/{event}",
                    "dimension.q", "query:cid",
                    "dimension.h", "header:X-Campaign",
                    "dimension.k", "cookie:seg",
                    "dimension.p", "path:event",
                    "dimension.c", "const:web",
                    "dimension.ip", "client.ip",
                    "dimension.ua", "user-agent",
                    "dimension.ref", "referer",
                    "dimension.uid", "user.id",
                    "dimension.j", "json:/x");
            TestHit hit = TestHit.get("/v/start").query("cid", "42").header("x-campaign", "summer")
                    .cookie("seg", "sports").clientIp("203.0.113.9").header("User-Agent", "Mozilla/5.0")
                    .header("Referer", "https://news.example/a").userId("AbCdEfGhIjKlMnOpQrSt");

            EventFactory.Built built = factory.build(type, new HitContext(hit, Map.of("event", "start"), null));

            assertThat(built.errors()).isEmpty();
            assertThat(built.event().dimensions()).containsOnly(
                    entry("q", "42"), entry("h", "summer"), entry("k", "sports"), entry("p", "start"),
                    entry("c", "web"), entry("ip", "203.0.113.9"), entry("ua", "Mozilla/5.0"),
                    entry("ref", "https://news.example/a"), entry("uid", "AbCdEfGhIjKlMnOpQrSt"));
        }

        @Test
        void readsFieldsOfAJsonElement() throws Exception {
            EventTypeDefinition type = TestTypes.parse("response", "json", "dimension.order", "json:/order",
                    "dimension.cur", "json:/price/currency", "metric.value", "json:/price/value",
                    "metric.items", "json:/items", "metric.items.type", "long", "dimension.site", "query:site");

            Event event = factory.build(type, new HitContext(TestHit.post("/i", "{}").query("site", "shop"), Map.of(),
                    JSON.readTree("{\"order\":\"o-1\",\"price\":{\"currency\":\"EUR\",\"value\":19.99},\"items\":3}")))
                    .event();

            assertThat(event.dimensions()).containsOnly(entry("order", "o-1"), entry("cur", "EUR"),
                    entry("site", "shop"));
            assertThat(event.metrics()).containsOnly(entry("value", new BigDecimal("19.99")), entry("items", 3L));
        }
    }

    @Nested
    class DefaultsAndLengths {

        private final EventTypeDefinition withDefaults = TestTypes.parse(
                "dimension.channel", "query:ch", "dimension.channel.default", "web",
                "metric.count", "query:n", "metric.count.type", "long", "metric.count.default", "1");

        @Test
        void aDefaultStandsInForAMissingValue() {
            Event event = valid(withDefaults, hit());

            assertThat(event.dimensions()).containsExactly(entry("channel", "web"));
            assertThat(event.metrics()).containsExactly(entry("count", 1L));
        }

        @Test
        void aDefaultStandsInForAnEmptyValue() {
            Event event = valid(withDefaults, hit().query("ch", "").query("n", ""));

            assertThat(event.dimensions()).containsExactly(entry("channel", "web"));
            assertThat(event.metrics()).containsExactly(entry("count", 1L));
        }

        @Test
        void aValueWinsOverTheDefault() {
            Event event = valid(withDefaults, hit().query("ch", "app").query("n", "5"));

            assertThat(event.dimensions()).containsExactly(entry("channel", "app"));
            assertThat(event.metrics()).containsExactly(entry("count", 5L));
        }

        @Test
        void keepsAValueOfExactly1024Characters() {
            String value = "v".repeat(1024);

            Event event = valid(IMPRESSION, hit().query("cid", value));

            assertThat(event.dimensions()).containsEntry("cid", value);
        }

        @Test
        void cutsLongerValuesTo1024Characters() {
            Event event = valid(IMPRESSION, hit().query("cid", "a".repeat(1024) + "TAIL").query("crid",
                    "b".repeat(100_000)));

            assertThat(event.dimensions().get("cid")).isEqualTo("a".repeat(1024));
            assertThat(event.dimensions().get("creative")).hasSize(1024);
        }

        @Test
        void cutsAtTheConfiguredMaxLength() {
            EventTypeDefinition type = TestTypes.parse("dimension.cur", "query:cur", "dimension.cur.max.length", "3");

            assertThat(valid(type, hit().query("cur", "EUR")).dimensions()).containsEntry("cur", "EUR");
            assertThat(valid(type, hit().query("cur", "EURO")).dimensions()).containsEntry("cur", "EUR");
            assertThat(valid(type, hit().query("cur", "E")).dimensions()).containsEntry("cur", "E");
        }

        @Test
        void cutsADefaultToo() {
            EventTypeDefinition type = TestTypes.parse("dimension.cur", "query:cur", "dimension.cur.max.length", "3",
                    "dimension.cur.default", "EURO");

            assertThat(valid(type, hit()).dimensions()).containsEntry("cur", "EUR");
        }
    }

    @Nested
    class Types {

        @Test
        void metricsAreDecimalsUnlessTypedLong() {
            EventTypeDefinition type = TestTypes.parse("metric.price", "query:p", "metric.pos", "query:pos",
                    "metric.pos.type", "long");

            Event event = valid(type, hit().query("p", "1.50").query("pos", "1200"));

            assertThat(event.metrics().get("price")).isInstanceOf(BigDecimal.class).isEqualTo(new BigDecimal("1.50"));
            assertThat(event.metrics().get("pos")).isInstanceOf(Long.class).isEqualTo(1200L);
        }

        @Test
        void dimensionsOfEveryNonNumericTypeAreTheirNormalText() {
            EventTypeDefinition type = TestTypes.parse(
                    "dimension.flag", "query:f", "dimension.flag.type", "boolean",
                    "dimension.at", "query:t", "dimension.at.type", "timestamp",
                    "dimension.e", "query:e", "dimension.e.type", "enum(start|complete)",
                    "dimension.s", "query:s", "dimension.s.type", "string");

            Event event = valid(type, hit().query("f", "YES").query("t", "1772360130123").query("e", "start")
                    .query("s", " as is "));

            assertThat(event.dimensions()).containsOnly(entry("flag", "true"), entry("at", "2026-03-01T10:15:30.123Z"),
                    entry("e", "start"), entry("s", " as is "));
        }

        @Test
        void aNumericDimensionIsRecordedAsTheTextOfItsNormalForm() {
            EventTypeDefinition type = TestTypes.parse("dimension.n", "query:n", "dimension.n.type", "long",
                    "dimension.d", "query:d", "dimension.d.type", "decimal");

            assertThat(valid(type, hit().query("n", "0014").query("d", "1.50")).dimensions())
                    .containsOnly(entry("n", "14"), entry("d", "1.50"));
            assertThat(valid(type, hit().query("n", " -3 ").query("d", "1.5e3")).dimensions())
                    .as("no exponent in a dimension").containsOnly(entry("n", "-3"), entry("d", "1500"));
        }

        @Test
        void aNumericDimensionIsCutAfterConversion() {
            EventTypeDefinition type = TestTypes.parse("dimension.d", "query:d", "dimension.d.type", "decimal",
                    "dimension.d.max.length", "4");

            assertThat(valid(type, hit().query("d", "1e5")).dimensions()).containsOnly(entry("d", "1000"));
        }

        @Test
        void aValueThatDoesNotFitItsTypeIsAnErrorNamingTheFieldAndWhy() {
            EventTypeDefinition type = TestTypes.parse("metric.price", "query:p", "metric.pos", "query:pos",
                    "metric.pos.type", "long", "dimension.e", "query:e", "dimension.e.type", "enum(start|complete)",
                    "dimension.flag", "query:f", "dimension.flag.type", "boolean",
                    "dimension.at", "query:t", "dimension.at.type", "timestamp", "dimension.cid", "query:cid");

            EventFactory.Built built = build(type, hit().query("p", "cheap").query("pos", "1.5").query("e", "middle")
                    .query("f", "maybe").query("t", "yesterday").query("cid", "42"));

            assertThat(built.valid()).isFalse();
            assertThat(built.errors()).containsExactlyInAnyOrder(
                    "metric 'price': 'cheap' is not a number",
                    "metric 'pos': '1.5' is not a whole number",
                    "dimension 'e': 'middle' is not one of start, complete",
                    "dimension 'flag': 'maybe' is not true or false",
                    "dimension 'at': 'yesterday' is not an ISO-8601 time or epoch milliseconds");
            assertThat(built.event().dimensions()).as("the fields that fit are still read")
                    .containsExactly(entry("cid", "42"));
            assertThat(built.event().metrics()).isEmpty();
        }
    }

    @Nested
    class Required {

        private final EventTypeDefinition order = TestTypes.parse("dimension.order", "query:o", "metric.value",
                "query:v", "dimension.cur", "query:cur", "dimension.cur.default", "EUR", "required", "order,value,cur");

        @Test
        void anEventWithEveryRequiredFieldIsValid() {
            Event event = valid(order, hit().query("o", "o-1").query("v", "10"));

            assertThat(event.dimensions()).containsEntry("cur", "EUR");
        }

        @Test
        void eachMissingRequiredFieldIsAnError() {
            EventFactory.Built built = build(order, hit().query("o", ""));

            assertThat(built.errors()).containsExactly("'order' is required but missing",
                    "'value' is required but missing");
        }

        @Test
        void aRequiredFieldThatDoesNotFitItsTypeIsReportedOnce() {
            EventFactory.Built built = build(order, hit().query("o", "o-1").query("v", "ten"));

            assertThat(built.errors()).containsExactly("metric 'value': 'ten' is not a number");
        }
    }

    @Nested
    class RedirectTargets {

        private final EventTypeDefinition click = TestTypes.parse("response", "redirect", "dimension.cid", "query:cid");

        @ParameterizedTest
        @ValueSource(strings = {"https://shop.example.com/landing?a=1&b=two#top", "http://example.com/x",
            "HTTPS://example.com/x", "https://example.com", "http://127.0.0.1:8080/p"})
        void anAbsoluteHttpUrlWithAHostIsValid(String url) {
            valid(click, hit().query("url", url));
        }

        @Test
        void aMissingOrEmptyTargetIsAnError() {
            assertThat(build(click, hit().query("cid", "1")).errors()).containsExactly("redirect target 'url': missing");
            assertThat(build(click, hit().query("url", "")).errors()).containsExactly("redirect target 'url': missing");
        }

        @ParameterizedTest(name = "url={0}")
        @ValueSource(strings = {
            "/relative/path",
            "example.com/no-scheme",
            "//example.com/scheme-relative",
            "javascript:alert(1)",
            "JavaScript://example.com/%0Aalert(1)",
            "ftp://example.com/file",
            "data:text/html,hi",
            "http:no-host",
            "https://bad host/with space",
            "http://"
        })
        void anythingButAnAbsoluteHttpUrlIsAnError(String url) {
            EventFactory.Built built = build(click, hit().query("cid", "1").query("url", url));

            assertThat(built.errors()).containsExactly("redirect target 'url': not an absolute http(s) URL");
            assertThat(built.event().dimensions()).containsEntry("cid", "1");
        }

        @Test
        void theErrorNamesTheConfiguredParameter() {
            EventTypeDefinition to = TestTypes.parse("response", "redirect", "redirect.parameter", "to");

            assertThat(build(to, hit().query("url", "https://example.com/")).errors())
                    .containsExactly("redirect target 'to': missing");
            valid(to, hit().query("to", "https://example.com/"));
        }

        @Test
        void onlyRedirectTypesCheckATarget() {
            valid(TestTypes.parse("response", "pixel"), hit().query("url", "javascript:alert(1)"));
        }
    }

    @Nested
    class InvalidEvents {

        private static final String SECRET_IP = "198.51.100.77";
        private static final String SECRET_COOKIE = "cookie-value-never-recorded";

        private TestHit badHit() {
            return TestHit.get("/c").query("cid", "1").query("url", "javascript:alert(1)").clientIp(SECRET_IP)
                    .cookie("tid", SECRET_COOKIE).userId("UserIdNeverRecorded1")
                    .header("User-Agent", "Mozilla/5.0").header("Referer", "https://news.example/a")
                    .header("Cookie", "tid=" + SECRET_COOKIE);
        }

        @Test
        void recordsTheTypeTheReasonsAndTheSafePartsOfTheRequest() {
            Event event = factory.invalid("click", badHit(), List.of("redirect target 'url': not an absolute http(s) URL",
                    "metric 'cpc': 'x' is not a number"));

            assertThat(event.type()).isEqualTo(EventFactory.INVALID_TYPE).isEqualTo("invalid");
            assertThat(event.timestamp()).isEqualTo(NOW);
            assertThat(UUID.fromString(event.id()).version()).isEqualTo(7);
            assertThat(event.metrics()).isEmpty();
            assertThat(event.dimensions()).containsExactly(
                    entry("event.type", "click"),
                    entry("reasons", "redirect target 'url': not an absolute http(s) URL; metric 'cpc': 'x' is not a number"),
                    entry("method", "GET"),
                    entry("path", "/c"),
                    entry("query", "cid=1&url=javascript%3Aalert%281%29"),
                    entry("user-agent", "Mozilla/5.0"),
                    entry("referer", "https://news.example/a"));
        }

        @Test
        void keepsNoClientAddressNoCookiesAndNoUserId() {
            Event event = factory.invalid("click", badHit(), List.of("x"));

            assertThat(event.dimensions().values()).noneMatch(value -> value.contains(SECRET_IP))
                    .noneMatch(value -> value.contains(SECRET_COOKIE))
                    .noneMatch(value -> value.contains("UserIdNeverRecorded1"));
            assertThat(event.dimensions()).doesNotContainKeys("ip", "client.ip", "cookie", "cookies", "user.id");
        }

        @Test
        void leavesOutWhatTheRequestDoesNotHave() {
            Event event = factory.invalid("impression", TestHit.get("/i"), List.of("'cid' is required but missing"));

            assertThat(event.dimensions()).containsExactly(entry("event.type", "impression"),
                    entry("reasons", "'cid' is required but missing"), entry("method", "GET"), entry("path", "/i"));
        }

        @Test
        void cutsLongRequestValuesTo2048Characters() {
            TestHit hit = TestHit.get("/i").rawQuery("q=" + "x".repeat(10_000)).header("User-Agent", "u".repeat(3000))
                    .header("Referer", "https://r.example/" + "r".repeat(3000));

            Event event = factory.invalid("impression", hit, List.of("bad"));

            assertThat(event.dimensions().get("query")).hasSize(2048).startsWith("q=xxx");
            assertThat(event.dimensions().get("user-agent")).hasSize(2048);
            assertThat(event.dimensions().get("referer")).hasSize(2048).startsWith("https://r.example/");
        }

        @Test
        void theBuiltEventOfAnInvalidHitNeverPretendsToBeInvalid() {
            // the invalid event replaces the built one; the built one keeps its own type
            EventFactory.Built built = build(TestTypes.parse("response", "redirect"), hit());

            assertThat(built.event().type()).isEqualTo("test");
        }
    }
}

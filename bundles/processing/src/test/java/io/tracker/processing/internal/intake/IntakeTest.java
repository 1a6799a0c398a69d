package io.tracker.processing.internal.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.entry;

import io.tracker.api.Event;
import io.tracker.processing.internal.event.EventFactory;
import io.tracker.processing.internal.eventtype.EventTypeDefinition;
import io.tracker.processing.internal.eventtype.EventTypeRegistry;
import io.tracker.processing.internal.eventtype.TestHit;
import io.tracker.processing.internal.eventtype.TestTypes;
import io.tracker.processing.internal.journal.Journal;
import io.tracker.processing.internal.journal.JournalPosition;
import io.tracker.processing.internal.journal.RetentionGuard;
import io.tracker.processing.internal.journal.JournalSettings;
import io.tracker.processing.internal.journal.TestJournals;
import io.tracker.processing.internal.preprocess.PreprocessorRegistry;
import io.tracker.processing.spi.Acceptance;
import io.tracker.processing.spi.Outcome;
import io.tracker.processing.spi.Route;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IntakeTest {

    private static final Instant NOW = Instant.parse("2026-11-28T10:15:30.123Z");
    private static final long QUOTA = 2 * TestJournals.SEGMENT_BYTES;
    private static final String RETRY = "not taken: the tracker is overloaded, retry";

    private static final EventTypeDefinition IMPRESSION = TestTypes.parse("name", "impression", "path", "/i",
            "dimension.cid", "query:cid", "dimension.site", "query:s");
    private static final EventTypeDefinition CLICK = TestTypes.parse("name", "click", "path", "/c",
            "response", "redirect", "dimension.cid", "query:cid", "metric.cpc", "query:cpc");
    private static final EventTypeDefinition VIDEO = TestTypes.parse("name", "video", "path", "/v/{event}",
            "dimension.e", "path:event", "dimension.e.type", "enum(start|complete)", "dimension.cid", "query:cid");
    private static final EventTypeDefinition CONVERSIONS = TestTypes.parse("name", "conversion",
            "path", "/api/{site}/conversions", "response", "json", "max.batch.events", "5", "id", "json:/id",
            "required", "order", "dimension.order", "json:/order", "dimension.site", "path:site",
            "metric.value", "json:/value");

    @TempDir
    Path dir;

    private final EventTypeRegistry registry = new EventTypeRegistry();
    private final EventFactory factory = new EventFactory(Clock.fixed(NOW, ZoneOffset.UTC));
    private Journal journal;

    @BeforeEach
    void register() throws Exception {
        registry.register("pid-impression", IMPRESSION, "impression.cfg");
        registry.register("pid-click", CLICK, "click.cfg");
        registry.register("pid-video", VIDEO, "video.cfg");
        registry.register("pid-conversions", CONVERSIONS, "conversions.cfg");
    }

    @AfterEach
    void close() throws IOException {
        if (journal != null) {
            journal.close();
        }
    }

    private Intake intake(long quotaBytes) throws IOException {
        return intake(quotaBytes, new PreprocessorRegistry(0));
    }

    private Intake intake(long quotaBytes, PreprocessorRegistry preprocessors) throws IOException {
        journal = Journal.open(TestJournals.settings(dir, TestJournals.SEGMENT_BYTES, quotaBytes),
                RetentionGuard.REJECT);
        return new Intake(registry, factory, preprocessors, journal);
    }

    private static TestHit hit(Map<String, String> query) {
        TestHit hit = TestHit.get("/i");
        query.forEach(hit::query);
        return hit;
    }

    private static TestHit json(String body) {
        return TestHit.post("/api/shop/conversions", body);
    }

    private List<Event> journalContents() throws IOException {
        return TestJournals.readAll(journal, JournalPosition.START);
    }

    private static List<String> acceptedIds(Outcome outcome) {
        return outcome.items().stream().filter(Outcome.Item::accepted).map(Outcome.Item::eventId).toList();
    }

    @Nested
    class Beacons {

        @Test
        void routesAPathToItsEventType() throws Exception {
            Intake intake = intake(TestJournals.LARGE_QUOTA);

            assertThat(intake.route("/i")).isSameAs(IMPRESSION);
            assertThat(intake.route("/v/start")).isSameAs(VIDEO);
            assertThat(intake.route("/api/shop/conversions")).isSameAs(CONVERSIONS);
            assertThat(intake.route("/nothing")).isNull();
        }

        @Test
        void acceptAppendsTheEventToTheJournal() throws Exception {
            Intake intake = intake(TestJournals.LARGE_QUOTA);
            Route route = intake.route("/i");

            Outcome outcome = intake.accept(route, hit(Map.of("cid", "42", "s", "news")));

            assertThat(outcome.acceptance()).isEqualTo(Acceptance.ACCEPTED);
            List<Event> events = journalContents();
            assertThat(events).hasSize(1);
            Event event = events.get(0);
            assertThat(event.type()).isEqualTo("impression");
            assertThat(event.timestamp()).isEqualTo(NOW);
            assertThat(event.dimensions()).containsExactly(Map.entry("cid", "42"), Map.entry("site", "news"));
            assertThat(event.id()).isNotEmpty();
            assertThat(outcome.items()).containsExactly(Outcome.Item.accepted(0, event.id()));
            assertThat(intake.refusedCount()).isZero();
            assertThat(intake.invalidCount()).isZero();
        }

        @Test
        void acceptedEventsKeepTheirOrderAndIds() throws Exception {
            Intake intake = intake(TestJournals.LARGE_QUOTA);
            Route route = intake.route("/i");

            for (int i = 0; i < 20; i++) {
                assertThat(intake.accept(route, hit(Map.of("cid", Integer.toString(i)))).acceptance())
                        .isEqualTo(Acceptance.ACCEPTED);
            }

            List<Event> events = journalContents();
            assertThat(events).extracting(e -> e.dimensions().get("cid"))
                    .containsExactly("0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13", "14",
                            "15", "16", "17", "18", "19");
            assertThat(events).extracting(Event::id).doesNotHaveDuplicates();
        }

        @Test
        void anInvalidHitIsJournaledAsAnInvalidEventAndAnsweredInvalid() throws Exception {
            Intake intake = intake(TestJournals.LARGE_QUOTA);
            TestHit click = TestHit.get("/c").query("cid", "7").query("cpc", "lots").query("url", "ftp://x/")
                    .clientIp("203.0.113.9").header("User-Agent", "UA/1");

            Outcome outcome = intake.accept(intake.route("/c"), click);

            assertThat(outcome.acceptance()).isEqualTo(Acceptance.INVALID);
            assertThat(outcome.items()).singleElement().satisfies(item -> {
                assertThat(item.index()).isZero();
                assertThat(item.accepted()).isFalse();
                assertThat(item.eventId()).isNull();
                assertThat(item.errors()).containsExactly("metric 'cpc': 'lots' is not a number",
                        "redirect target 'url': not an absolute http(s) URL");
            });
            assertThat(journalContents()).singleElement().satisfies(event -> {
                assertThat(event.type()).isEqualTo("invalid");
                assertThat(event.timestamp()).isEqualTo(NOW);
                assertThat(event.dimensions()).contains(entry("event.type", "click"),
                        entry("reasons", "metric 'cpc': 'lots' is not a number; "
                                + "redirect target 'url': not an absolute http(s) URL"),
                        entry("method", "GET"), entry("path", "/c"), entry("user-agent", "UA/1"));
                assertThat(event.dimensions().values()).doesNotContain("203.0.113.9");
            });
            assertThat(intake.invalidCount()).isEqualTo(1);
            assertThat(intake.refusedCount()).isZero();
        }

        @Test
        void pathVariablesReachPathSources() throws Exception {
            Intake intake = intake(TestJournals.LARGE_QUOTA);

            Outcome outcome = intake.accept(intake.route("/v/complete"), TestHit.get("/v/complete").query("cid", "3"));

            assertThat(outcome.acceptance()).isEqualTo(Acceptance.ACCEPTED);
            assertThat(journalContents()).singleElement().extracting(Event::dimensions)
                    .isEqualTo(Map.of("e", "complete", "cid", "3"));
        }

        @Test
        void aPathVariableIsValidatedLikeAnyValue() throws Exception {
            Intake intake = intake(TestJournals.LARGE_QUOTA);

            Outcome outcome = intake.accept(intake.route("/v/rewind"), TestHit.get("/v/rewind"));

            assertThat(outcome.acceptance()).isEqualTo(Acceptance.INVALID);
            assertThat(outcome.items().get(0).errors())
                    .containsExactly("dimension 'e': 'rewind' is not one of start, complete");
            assertThat(journalContents()).singleElement().extracting(Event::type).isEqualTo("invalid");
        }

        @Test
        void aFullJournalWithTheRejectGuardAnswersOverloadedAndCountsEachRefusal() throws Exception {
            Intake intake = intake(QUOTA);
            Route route = intake.route("/i");
            int accepted = 0;
            while (intake.accept(route, hit(Map.of("cid", Integer.toString(accepted)))).acceptance()
                    == Acceptance.ACCEPTED) {
                accepted++;
                assertThat(accepted).as("the quota is reached at some point").isLessThan(10_000);
            }

            assertThat(intake.refusedCount()).isEqualTo(1);
            Outcome refused = intake.accept(route, hit(Map.of("cid", "x")));
            assertThat(refused.acceptance()).isEqualTo(Acceptance.OVERLOADED);
            assertThat(refused.items()).isEmpty();
            assertThat(intake.refusedCount()).isEqualTo(2);
            assertThat(journal.end().offset()).isEqualTo(accepted);
            assertThat(journalContents()).hasSize(accepted);
        }

        @Test
        void anInvalidHitThatTheJournalCannotTakeIsOverloadedNotInvalid() throws Exception {
            Intake intake = intake(TestJournals.LARGE_QUOTA);
            journal.close();

            Outcome outcome = intake.accept(intake.route("/c"), TestHit.get("/c"));

            assertThat(outcome.acceptance()).isEqualTo(Acceptance.OVERLOADED);
            assertThat(intake.refusedCount()).isEqualTo(1);
        }

        @Test
        void answersOverloadedOnceTheJournalIsClosed() throws Exception {
            Intake intake = intake(TestJournals.LARGE_QUOTA);
            Route route = intake.route("/i");
            assertThat(intake.accept(route, hit(Map.of())).acceptance()).isEqualTo(Acceptance.ACCEPTED);

            journal.close();

            assertThat(intake.accept(route, hit(Map.of("cid", "1"))).acceptance()).isEqualTo(Acceptance.OVERLOADED);
            assertThat(intake.refusedCount()).isEqualTo(1);
            assertThat(journal.end().offset()).isEqualTo(1);
        }
    }

    @Nested
    class JsonBodies {

        @Test
        void aJsonObjectIsOneEvent() throws Exception {
            Intake intake = intake(TestJournals.LARGE_QUOTA);

            Outcome outcome = intake.accept(CONVERSIONS,
                    json("{\"id\":\"c-1\",\"order\":\"o-1\",\"value\":19.99,\"ignored\":true}"));

            assertThat(outcome.acceptance()).isEqualTo(Acceptance.ACCEPTED);
            assertThat(outcome.items()).containsExactly(Outcome.Item.accepted(0, "c-1"));
            assertThat(journalContents()).singleElement().satisfies(event -> {
                assertThat(event.id()).isEqualTo("c-1");
                assertThat(event.type()).isEqualTo("conversion");
                assertThat(event.dimensions()).containsExactly(entry("order", "o-1"), entry("site", "shop"));
                assertThat(event.metrics()).containsExactly(entry("value", new BigDecimal("19.99")));
            });
        }

        @Test
        void anArrayIsOneEventPerElementWithAnAnswerPerIndex() throws Exception {
            Intake intake = intake(TestJournals.LARGE_QUOTA);

            Outcome outcome = intake.accept(CONVERSIONS, json("[{\"id\":\"a\",\"order\":\"o-1\",\"value\":1},"
                    + "{\"id\":\"b\",\"order\":\"o-2\",\"value\":\"ten\"},"
                    + "\"not an object\","
                    + "{\"id\":\"d\",\"order\":\"o-4\"},"
                    + "{\"id\":\"e\",\"value\":5}]"));

            assertThat(outcome.acceptance()).isEqualTo(Acceptance.PARTIAL);
            assertThat(outcome.items()).containsExactly(
                    Outcome.Item.accepted(0, "a"),
                    Outcome.Item.rejected(1, List.of("metric 'value': 'ten' is not a number")),
                    Outcome.Item.rejected(2, List.of("an event must be a JSON object")),
                    Outcome.Item.accepted(3, "d"),
                    Outcome.Item.rejected(4, List.of("'order' is required but missing")));
            assertThat(TestJournals.ids(journalContents())).as("no invalid events for an API call")
                    .containsExactly("a", "d");
            assertThat(intake.invalidCount()).isEqualTo(3);
        }

        @Test
        void anArrayOfOnlyValidEventsIsAccepted() throws Exception {
            Intake intake = intake(TestJournals.LARGE_QUOTA);

            Outcome outcome = intake.accept(CONVERSIONS, json("[{\"order\":\"o-1\"},{\"order\":\"o-2\"}]"));

            assertThat(outcome.acceptance()).isEqualTo(Acceptance.ACCEPTED);
            assertThat(outcome.items()).extracting(Outcome.Item::index).containsExactly(0, 1);
            assertThat(acceptedIds(outcome)).isEqualTo(TestJournals.ids(journalContents())).hasSize(2);
        }

        @Test
        void anArrayOfOnlyInvalidElementsIsInvalidAndJournalsNothing() throws Exception {
            Intake intake = intake(TestJournals.LARGE_QUOTA);

            Outcome outcome = intake.accept(CONVERSIONS, json("[{\"value\":1}, 42, null, [], {\"order\":\"o\",\"id\":\"a b\"}]"));

            assertThat(outcome.acceptance()).isEqualTo(Acceptance.INVALID);
            assertThat(outcome.items()).extracting(Outcome.Item::accepted).containsOnly(false).hasSize(5);
            assertThat(outcome.items().get(4).errors()).singleElement().asString().startsWith("id: 'a b' is not");
            assertThat(journalContents()).isEmpty();
        }

        @Test
        void anEmptyArrayJournalsNothingAndIsNotAnOverload() throws Exception {
            Intake intake = intake(TestJournals.LARGE_QUOTA);

            Outcome outcome = intake.accept(CONVERSIONS, json("[]"));

            assertThat(outcome.acceptance()).isNotEqualTo(Acceptance.OVERLOADED);
            assertThat(outcome.items()).noneMatch(Outcome.Item::accepted);
            assertThat(journalContents()).isEmpty();
            assertThat(intake.refusedCount()).isZero();
        }

        @Test
        void aScalarBodyIsNoEvent() throws Exception {
            Intake intake = intake(TestJournals.LARGE_QUOTA);

            Outcome outcome = intake.accept(CONVERSIONS, json("42"));

            assertThat(outcome.acceptance()).isEqualTo(Acceptance.INVALID);
            assertThat(outcome.items()).containsExactly(Outcome.Item.rejected(0, List.of("an event must be a JSON object")));
        }

        @Test
        void aBodyThatIsNotJsonIsInvalidSayingSo() throws Exception {
            Intake intake = intake(TestJournals.LARGE_QUOTA);

            Outcome outcome = intake.accept(CONVERSIONS, json("order=o-1&value=3"));

            assertThat(outcome.acceptance()).isEqualTo(Acceptance.INVALID);
            assertThat(outcome.items()).singleElement().satisfies(item -> {
                assertThat(item.accepted()).isFalse();
                assertThat(item.errors()).singleElement().asString().startsWith("the body is not JSON: ");
            });
            assertThat(journalContents()).isEmpty();
            assertThat(intake.refusedCount()).isZero();
        }

        @Test
        void truncatedJsonIsNotJson() throws Exception {
            Intake intake = intake(TestJournals.LARGE_QUOTA);

            Outcome outcome = intake.accept(CONVERSIONS, json("[{\"order\":\"o-1\"},{\"order\""));

            assertThat(outcome.acceptance()).isEqualTo(Acceptance.INVALID);
            assertThat(outcome.items().get(0).errors().get(0)).startsWith("the body is not JSON: ");
            assertThat(journalContents()).isEmpty();
        }

        @Test
        void tooDeeplyNestedJsonIsRefusedAsInvalid() throws Exception {
            Intake intake = intake(TestJournals.LARGE_QUOTA);
            String deep = "{\"order\":\"o\",\"x\":" + "[".repeat(100) + "]".repeat(100) + "}";

            Outcome outcome = intake.accept(CONVERSIONS, json(deep));

            assertThat(outcome.acceptance()).isEqualTo(Acceptance.INVALID);
            assertThat(outcome.items().get(0).errors().get(0)).startsWith("the body is not JSON: ");
            assertThat(journalContents()).isEmpty();
        }

        @Test
        void anEmptyOrMissingBodyIsInvalidSayingWhatIsExpected() throws Exception {
            Intake intake = intake(TestJournals.LARGE_QUOTA);

            for (TestHit hit : List.of(json(""), json(null))) {
                Outcome outcome = intake.accept(CONVERSIONS, hit);

                assertThat(outcome.acceptance()).isEqualTo(Acceptance.INVALID);
                assertThat(outcome.items()).containsExactly(Outcome.Item.rejected(0,
                        List.of("the body must be a JSON object or an array of objects")));
            }
            assertThat(journalContents()).isEmpty();
        }

        @Test
        void aBatchOfAtMostMaxBatchEventsIsAccepted() throws Exception {
            Intake intake = intake(TestJournals.LARGE_QUOTA);

            Outcome outcome = intake.accept(CONVERSIONS, json(batch(5)));

            assertThat(outcome.acceptance()).isEqualTo(Acceptance.ACCEPTED);
            assertThat(journalContents()).hasSize(5);
        }

        @Test
        void aBatchLargerThanMaxBatchEventsIsRefusedWhole() throws Exception {
            Intake intake = intake(TestJournals.LARGE_QUOTA);

            Outcome outcome = intake.accept(CONVERSIONS, json(batch(6)));

            assertThat(outcome.acceptance()).isEqualTo(Acceptance.INVALID);
            assertThat(outcome.items()).containsExactly(Outcome.Item.rejected(0,
                    List.of("a batch holds at most 5 events, this one 6")));
            assertThat(journalContents()).isEmpty();
        }

        @Test
        void pathVariablesReachPathSourcesOfEveryElement() throws Exception {
            Intake intake = intake(TestJournals.LARGE_QUOTA);

            intake.accept(CONVERSIONS, TestHit.post("/api/blog/conversions", batch(2)));

            assertThat(journalContents()).extracting(event -> event.dimensions().get("site"))
                    .containsExactly("blog", "blog");
        }

        @Test
        void aFullJournalInTheMiddleOfABatchKeepsWhatWasTakenAndAsksToRetryTheRest() throws Exception {
            EventTypeDefinition bulk = TestTypes.parse("name", "bulk", "path", "/api/bulk", "response", "json",
                    "max.batch.events", "1000", "dimension.pad", "json:/pad", "dimension.pad.max.length", "200",
                    "metric.n", "json:/n");
            registry.register("pid-bulk", bulk, "bulk.cfg");
            Intake intake = intake(QUOTA);
            int size = 200; // about 50 kB of events for a quota of 8 kB: the journal fills up in the middle
            String body = IntStream.range(0, size)
                    .mapToObj(n -> n == 1 ? "{\"n\":\"one\"}" : "{\"n\":" + n + ",\"pad\":\"" + "p".repeat(200) + "\"}")
                    .collect(Collectors.joining(",", "[", "]"));

            Outcome outcome = intake.accept(bulk, TestHit.post("/api/bulk", body));

            assertThat(outcome.acceptance()).isEqualTo(Acceptance.OVERLOADED);
            assertThat(outcome.items()).extracting(Outcome.Item::index)
                    .containsExactlyElementsOf(IntStream.range(0, size).boxed().toList());
            int taken = (int) outcome.items().stream().filter(Outcome.Item::accepted).count();
            assertThat(taken).as("some taken, not all").isBetween(2, size - 2);
            assertThat(outcome.items().get(0).accepted()).isTrue();
            assertThat(outcome.items().get(1).errors()).as("an invalid element before the refusal keeps its reason")
                    .containsExactly("metric 'n': 'one' is not a number");
            int firstRefused = taken + 1; // every element after the invalid one was taken until the journal was full
            assertThat(outcome.items().subList(2, firstRefused)).allMatch(Outcome.Item::accepted);
            assertThat(outcome.items().subList(firstRefused, size)).allSatisfy(item -> {
                assertThat(item.accepted()).isFalse();
                assertThat(item.errors()).containsExactly(RETRY);
            });
            assertThat(TestJournals.ids(journalContents())).isEqualTo(acceptedIds(outcome));
            assertThat(intake.refusedCount()).isEqualTo(1);
        }

        @Test
        void aBatchWhoseFirstEventTheJournalRefusesTakesNothing() throws Exception {
            Intake intake = intake(TestJournals.LARGE_QUOTA);
            journal.close();

            Outcome outcome = intake.accept(CONVERSIONS, json(batch(3)));

            assertThat(outcome.acceptance()).isEqualTo(Acceptance.OVERLOADED);
            assertThat(outcome.items()).containsExactly(Outcome.Item.rejected(0, List.of(RETRY)),
                    Outcome.Item.rejected(1, List.of(RETRY)), Outcome.Item.rejected(2, List.of(RETRY)));
        }

        @Test
        void anEventTooLargeForTheJournalIsAnAnswerNotAnException() throws Exception {
            List<String> keys = new ArrayList<>(List.of("name", "huge", "path", "/api/huge", "response", "json"));
            for (int i = 0; i < 20; i++) {
                keys.addAll(List.of("dimension.d" + i, "json:/pad", "dimension.d" + i + ".max.length", "65536"));
            }
            EventTypeDefinition huge = TestTypes.parse(keys.toArray(String[]::new));
            registry.register("pid-huge", huge, "huge.cfg");
            Intake intake = intake(TestJournals.LARGE_QUOTA);
            String body = "[{},{\"pad\":\"" + "p".repeat(60_000) + "\"}]"; // 20 x 60 kB: 1.2 MB as one event

            assertThatCode(() -> {
                Outcome outcome = intake.accept(huge, TestHit.post("/api/huge", body));
                assertThat(outcome.items()).hasSize(2);
                assertThat(outcome.items().get(1).accepted()).isFalse();
            }).doesNotThrowAnyException();
        }

        @Test
        void aDecimalFromJsonKeepsEveryDigit() throws Exception {
            Intake intake = intake(TestJournals.LARGE_QUOTA);

            intake.accept(CONVERSIONS, json("{\"order\":\"o\",\"value\":12345678901234567.89}"));

            assertThat(journalContents()).singleElement().extracting(event -> event.metrics().get("value"))
                    .isEqualTo(new BigDecimal("12345678901234567.89"));
        }

        private static String batch(int size) {
            return IntStream.range(0, size).mapToObj(n -> "{\"order\":\"o-" + n + "\",\"value\":" + n + "}")
                    .collect(Collectors.joining(",", "[", "]"));
        }
    }

    @Nested
    class Preprocessors {

        private final EventTypeDefinition enriched = TestTypes.parse("name", "enriched", "path", "/e",
                "preprocessors", "tag,drop-bots", "dimension.ua", "user-agent");

        @BeforeEach
        void registerType() throws Exception {
            registry.register("pid-enriched", enriched, "enriched.cfg");
        }

        private PreprocessorRegistry preprocessors() {
            PreprocessorRegistry preprocessors = new PreprocessorRegistry(0);
            preprocessors.add("tag", event -> event.toBuilder().dimension("tagged", "yes").build());
            preprocessors.add("drop-bots", event -> "bot".equals(event.dimensions().get("ua")) ? null : event);
            return preprocessors;
        }

        @Test
        void theTypesPreprocessorsRunInOrderBeforeTheJournal() throws Exception {
            Intake intake = intake(TestJournals.LARGE_QUOTA, preprocessors());

            Outcome outcome = intake.accept(enriched, TestHit.get("/e").header("User-Agent", "Mozilla"));

            assertThat(outcome.acceptance()).isEqualTo(Acceptance.ACCEPTED);
            assertThat(journalContents()).singleElement().satisfies(event -> {
                assertThat(event.dimensions()).containsExactly(entry("ua", "Mozilla"), entry("tagged", "yes"));
                assertThat(event.id()).isEqualTo(outcome.items().get(0).eventId());
            });
        }

        @Test
        void anEventDroppedOnPurposeIsAcceptedButNotJournaled() throws Exception {
            Intake intake = intake(TestJournals.LARGE_QUOTA, preprocessors());

            Outcome outcome = intake.accept(enriched, TestHit.get("/e").header("User-Agent", "bot"));

            assertThat(outcome.acceptance()).isEqualTo(Acceptance.ACCEPTED);
            assertThat(outcome.items().get(0).eventId()).isNotNull();
            assertThat(journalContents()).isEmpty();
            assertThat(intake.preprocessing().droppedCount()).isEqualTo(1);
        }

        @Test
        void mayWaitOnlyWhileAPreprocessorOfTheRouteIsMissing() throws Exception {
            PreprocessorRegistry available = preprocessors();
            Intake intake = intake(TestJournals.LARGE_QUOTA, available);
            assertThat(intake.mayWait(enriched)).isFalse();
            assertThat(intake.mayWait(IMPRESSION)).isFalse();

            available.remove("drop-bots", available.chain(List.of("drop-bots"))[0]);

            assertThat(intake.mayWait(enriched)).as("drop-bots is being replaced").isTrue();
            assertThat(intake.mayWait(IMPRESSION)).as("needs no preprocessor").isFalse();
        }

        @Test
        void mayWaitForEveryHitWhenEachAppendWaitsForTheDisk() throws Exception {
            journal = Journal.open(new JournalSettings(dir, TestJournals.SEGMENT_BYTES, TestJournals.LARGE_QUOTA,
                    JournalSettings.FsyncPolicy.ALWAYS, 100), RetentionGuard.REJECT);
            Intake intake = new Intake(registry, factory, preprocessors(), journal);

            assertThat(intake.mayWait(IMPRESSION)).isTrue();
            assertThat(intake.mayWait(enriched)).isTrue();
        }

        @Test
        void aMissingPreprocessorRefusesTheHit() throws Exception {
            PreprocessorRegistry onlyTag = new PreprocessorRegistry(0);
            onlyTag.add("tag", event -> event);
            Intake intake = intake(TestJournals.LARGE_QUOTA, onlyTag);

            Outcome outcome = intake.accept(enriched, TestHit.get("/e"));

            assertThat(outcome.acceptance()).isEqualTo(Acceptance.OVERLOADED);
            assertThat(journalContents()).isEmpty();
            assertThat(intake.refusedCount()).isEqualTo(1);
        }

        @Test
        void invalidEventsSkipThePreprocessors() throws Exception {
            EventTypeDefinition strict = TestTypes.parse("name", "strict", "path", "/s", "preprocessors", "tag",
                    "dimension.n", "query:n", "dimension.n.type", "boolean");
            registry.register("pid-strict", strict, "strict.cfg");
            Intake intake = intake(TestJournals.LARGE_QUOTA, preprocessors());

            Outcome outcome = intake.accept(strict, TestHit.get("/s").query("n", "maybe"));

            assertThat(outcome.acceptance()).isEqualTo(Acceptance.INVALID);
            assertThat(journalContents()).singleElement().satisfies(event -> {
                assertThat(event.type()).isEqualTo("invalid");
                assertThat(event.dimensions()).doesNotContainKey("tagged");
            });
        }
    }

    @Test
    void theBodyIsReadAsUtf8() throws Exception {
        Intake intake = intake(TestJournals.LARGE_QUOTA);

        intake.accept(CONVERSIONS, TestHit.post("/api/shop/conversions", null)
                .body("{\"order\":\"caf\u00e9 \u20ac\"}".getBytes(StandardCharsets.UTF_8)));

        assertThat(journalContents()).singleElement().extracting(event -> event.dimensions().get("order"))
                .isEqualTo("caf\u00e9 \u20ac");
    }
}

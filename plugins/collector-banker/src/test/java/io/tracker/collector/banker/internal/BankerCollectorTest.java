package io.tracker.collector.banker.internal;

import static io.tracker.collector.banker.internal.TestEvents.click;
import static io.tracker.collector.banker.internal.TestEvents.conversion;
import static io.tracker.collector.banker.internal.TestEvents.impression;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.tracker.api.Event;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The collector as SCR builds it, against a real banker over HTTP: every cent once, through redeliveries,
 * regrouping, outages, lost answers and restarts on either side.
 */
class BankerCollectorTest {

    @TempDir
    Path state;

    private TestBanker banker;
    private final List<BankerCollector> collectors = new ArrayList<>();

    @BeforeEach
    void startBanker() throws IOException {
        banker = TestBanker.start(state);
    }

    @AfterEach
    void stopAll() {
        collectors.forEach(BankerCollector::deactivate);
        banker.close();
    }

    @Test
    void reportsSpendPerAccountCampaignLineItemAndCurrencyToTheMicro() throws Exception {
        BankerCollector collector = collector();

        collector.collect(List.of(
                impression("i1", "c1", "l1", "2.50", "USD"),       // CPM: 2,500 micros
                impression("i2", "c1", "l1", "1.20", "usd"),       // 1,200
                impression("i3", "c1", "l1", "4", "EUR"),          // 4,000 EUR
                click("k1", "c1", "l1", "0.35", null),             // CPC in the default currency: 350,000
                click("k2", "c1", "l2", "0.10", "USD"),            // another line item: 100,000
                conversion("v1", "c2", "l9", "12.50", "EUR")));   // CPA: 12,500,000 EUR

        assertThat(banker.ledger().totals()).containsExactlyInAnyOrderEntriesOf(Map.of(
                line("c1", "l1", "USD"), 353_700L,
                line("c1", "l1", "EUR"), 4_000L,
                line("c1", "l2", "USD"), 100_000L,
                line("c2", "l9", "EUR"), 12_500_000L));
        assertThat(banker.requests()).singleElement().satisfies(request -> assertThat(request.status()).isEqualTo(201));
    }

    @Test
    void aCpmInMicrosIsReportedLikeTheSameCpmInDecimal() throws Exception {
        BankerCollector micros = collector("price.impression.unit", "cpm-micros", "tracker.collector.name", "m");

        micros.collect(List.of(TestEvents.priced("impression", "i1", "c1", "l1", "price", 2_500_000L, "USD"),
                TestEvents.priced("impression", "i2", "c1", "l1", "price", 1_234_500L, "USD")));

        // 2,500 + 1,234.5 rounded half-even to 1,234
        assertThat(banker.ledger().total("acme", "c1", "l1", "USD")).isEqualTo(3_734);
    }

    @Test
    void roundsEachEventHalfEvenAndTheLineIsTheSumOfThose() throws Exception {
        collector().collect(List.of(
                impression("i1", "c1", "l1", "1.2345", "USD"),    // 1234.5 -> 1234
                impression("i2", "c1", "l1", "1.2355", "USD"),    // 1235.5 -> 1236
                impression("i3", "c1", "l1", "0.0005", "USD"),    // 0.5 -> 0
                impression("i4", "c1", "l1", "0.0015", "USD"),    // 1.5 -> 2
                click("k1", "c1", "l1", "0.0000004", "USD")));    // 0.4 -> 0

        assertThat(banker.ledger().total("acme", "c1", "l1", "USD")).isEqualTo(1_234 + 1_236 + 0 + 2 + 0);
        assertThat(banker.ledger().countedEvents()).isEqualTo(5);
    }

    @Test
    void aBatchDeliveredAgainAsItWasCountsOnce() throws Exception {
        BankerCollector collector = collector();
        List<Event> batch = List.of(impression("i1", "c1", "l1", "2", "USD"), click("k1", "c1", "l1", "0.5", "USD"));

        collector.collect(batch);
        collector.collect(batch);

        assertThat(banker.ledger().total("acme", "c1", "l1", "USD")).isEqualTo(502_000);
        assertThat(banker.requests()).extracting(TestBanker.Request::status).containsExactly(201, 200);
        assertThat(banker.requests().get(1).replayed()).isTrue();
    }

    @Test
    void theSameEventsRegroupedIntoOtherBatchesCountOnce() throws Exception {
        BankerCollector collector = collector();
        List<Event> events = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            events.add(impression("i" + i, "c1", "l" + i % 2, "1.5", "USD"));
        }

        collector.collect(events.subList(0, 6));
        collector.collect(events.subList(3, 9));   // overlaps the first
        collector.collect(List.of(events.get(8), events.get(0), events.get(4)));

        assertThat(banker.ledger().countedEvents()).isEqualTo(9);
        assertThat(banker.ledger().total("acme", "c1", "l0", "USD")).isEqualTo(5 * 1_500);
        assertThat(banker.ledger().total("acme", "c1", "l1", "USD")).isEqualTo(4 * 1_500);
        assertThat(banker.requests()).extracting(TestBanker.Request::status).containsExactly(201, 201, 201);
        assertThat(banker.requests().get(2).answer().get("events_duplicate").longValue()).isEqualTo(3);
    }

    @Test
    void duringAnOutageCollectThrowsAndTheRetriedBatchCountsOnce() throws Exception {
        BankerCollector collector = collector();
        List<Event> batch = List.of(impression("i1", "c1", "l1", "3", "USD"), click("k1", "c1", "l1", "1", "USD"));

        banker.goDown();
        assertThatThrownBy(() -> collector.collect(batch)).isInstanceOf(BankerException.class)
                .hasMessageContaining("banker is unavailable: 503, Retry-After 1");
        banker.stop();
        assertThatThrownBy(() -> collector.collect(batch)).isInstanceOf(IOException.class)
                .hasMessageContaining("did not answer report");
        assertThat(banker.ledger().countedEvents()).isZero();

        banker.comeUp();
        banker.restart();
        collector.collect(batch);

        assertThat(banker.ledger().total("acme", "c1", "l1", "USD")).isEqualTo(1_003_000);
    }

    @Test
    void tooManyRequestsAndServerErrorsAreRetried() throws Exception {
        BankerCollector collector = collector();
        List<Event> batch = List.of(click("k1", "c1", "l1", "1", "USD"));

        for (int status : new int[] {429, 500, 502}) {
            banker.answerWith(status);
            assertThatThrownBy(() -> collector.collect(batch)).isInstanceOf(BankerException.class)
                    .satisfies(e -> assertThat(((BankerException) e).status()).isEqualTo(status));
        }
        banker.answerWith(0);
        collector.collect(batch);

        assertThat(banker.ledger().total("acme", "c1", "l1", "USD")).isEqualTo(1_000_000);
    }

    @Test
    void anAnswerLostAfterBankerAppliedTheReportIsReplayedNotCountedAgain() throws Exception {
        BankerCollector collector = collector();
        List<Event> batch = List.of(click("k1", "c1", "l1", "2", "USD"));

        banker.applyThenAnswer(504);
        assertThatThrownBy(() -> collector.collect(batch)).isInstanceOf(BankerException.class);
        banker.applyThenAnswer(0);
        collector.collect(batch);

        assertThat(banker.ledger().total("acme", "c1", "l1", "USD")).isEqualTo(2_000_000);
        assertThat(banker.requests()).extracting(TestBanker.Request::status).containsExactly(504, 200);
    }

    @Test
    void anAnswerSlowerThanTheTimeoutFailsTheBatchAndTheRetryIsReplayed() throws Exception {
        BankerCollector collector = collector("request.timeout.ms", 300L);
        List<Event> batch = List.of(click("k1", "c1", "l1", "2", "USD"));

        banker.holdAnswers();
        assertThatThrownBy(() -> collector.collect(batch)).isInstanceOf(IOException.class)
                .hasCauseInstanceOf(HttpTimeoutException.class);
        banker.releaseAnswers();
        collector.collect(batch);

        assertThat(banker.ledger().total("acme", "c1", "l1", "USD")).isEqualTo(2_000_000);
        assertThat(banker.requests()).last().satisfies(request -> assertThat(request.replayed()).isTrue());
    }

    @Test
    void aBatchLargerThanOneReportIsSentInPartsAndAFailedPartIsRetriedWithTheOthersReplayed() throws Exception {
        BankerCollector collector = collector("request.max.events", 10);
        List<Event> batch = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            batch.add(impression(String.format("i%02d", i), "c1", "l1", "2", "USD"));
        }

        banker.applyThenAnswer(503);   // the first part is applied, its answer lost, the batch fails
        assertThatThrownBy(() -> collector.collect(batch)).isInstanceOf(BankerException.class);
        banker.applyThenAnswer(0);
        collector.collect(batch);

        assertThat(banker.ledger().total("acme", "c1", "l1", "USD")).isEqualTo(25 * 2_000);
        assertThat(banker.requests()).extracting(TestBanker.Request::status).containsExactly(503, 200, 201, 201);
    }

    @Test
    void skippedEventsAreCountedAndTheRestIsReported() throws Exception {
        BankerCollector collector = collector();

        collector.collect(List.of(
                impression("i1", "c1", "l1", "2", "USD"),
                TestEvents.priced("impression", "i2", "c1", "l1", "price", null, "USD"),
                impression("i3", "c1", "l1", "-1", "USD"),
                click("k1", null, "l1", "1", "USD"),
                click("k2", "c1", "l1", "1", "DOLLARS"),
                TestEvents.priced("click", "k3", "c1", "l1", "cpc", Double.NaN, "USD")));

        assertThat(banker.ledger().countedEvents()).isEqualTo(1);
        assertThat(banker.ledger().total("acme", "c1", "l1", "USD")).isEqualTo(2_000);
        SpendReporter reporter = collector.reporter();
        assertThat(reporter.skippedCount(SkipReason.MISSING_PRICE)).isEqualTo(1);
        assertThat(reporter.skippedCount(SkipReason.NEGATIVE_PRICE)).isEqualTo(1);
        assertThat(reporter.skippedCount(SkipReason.MISSING_CAMPAIGN)).isEqualTo(1);
        assertThat(reporter.skippedCount(SkipReason.INVALID_CURRENCY)).isEqualTo(1);
        assertThat(reporter.skippedCount(SkipReason.UNPARSEABLE_PRICE)).isEqualTo(1);
        assertThat(reporter.summary()).contains("1 reports booked", "no price: 1");
    }

    @Test
    void aBatchWithoutSpendSendsNothing() throws Exception {
        collector().collect(List.of(TestEvents.priced("impression", "i1", "c1", "l1", "price", null, "USD")));

        assertThat(banker.requests()).isEmpty();
    }

    @Test
    void aKeyBankerHoldsForAnotherBodyIsSentAgainUnderADerivedKeyAndCountsOnce() throws Exception {
        BankerCollector collector = collector();
        List<Event> batch = List.of(click("k1", "c1", "l1", "1", "USD"));
        String key = keyOf(batch);
        // someone else's report under our key: banker must answer 409 to ours
        post(key, TestBankerTest.report("other", 7));

        collector.collect(batch);

        assertThat(banker.requests()).extracting(TestBanker.Request::idempotencyKey, TestBanker.Request::status)
                .containsExactly(tuple(key, 201),
                        tuple(key, 409),
                        tuple(SpendReportJson.keyAfterConflict(key), 201));
        assertThat(banker.ledger().total("acme", "c1", "l1", "USD")).isEqualTo(1_000_000 + 7);

        collector.collect(batch);   // delivered again: the derived key is replayed
        assertThat(banker.requests()).last().satisfies(request -> assertThat(request.replayed()).isTrue());
        assertThat(banker.ledger().total("acme", "c1", "l1", "USD")).isEqualTo(1_000_000 + 7);
    }

    @Test
    void aSecondConflictFailsTheBatch() throws Exception {
        BankerCollector collector = collector();
        List<Event> batch = List.of(click("k1", "c1", "l1", "1", "USD"));
        post(keyOf(batch), TestBankerTest.report("other", 7));
        post(SpendReportJson.keyAfterConflict(keyOf(batch)), TestBankerTest.report("another", 8));

        assertThatThrownBy(() -> collector.collect(batch)).isInstanceOf(BankerException.class)
                .hasMessageContaining("for another report");
        assertThat(banker.ledger().counted("click", "k1")).isFalse();
    }

    @Test
    void aRefusedReportFailsTheBatchSoTheJournalKeepsIt() throws Exception {
        BankerCollector collector = collector();
        List<Event> batch = List.of(click("k1", "c1", "l1", "1", "USD"));

        banker.answerWith(400);
        assertThatThrownBy(() -> collector.collect(batch)).isInstanceOf(BankerException.class)
                .hasMessageContaining("banker refused report").hasMessageContaining("with 400");
        banker.answerWith(0);
        banker.requireToken("s3cret");
        assertThatThrownBy(() -> collector.collect(batch)).isInstanceOf(BankerException.class)
                .hasMessageContaining("with 401");
        assertThat(banker.ledger().countedEvents()).isZero();

        BankerCollector fixed = collector(".auth.token", "s3cret", "tracker.collector.name", "banker-fixed");
        fixed.collect(batch);
        assertThat(banker.ledger().total("acme", "c1", "l1", "USD")).isEqualTo(1_000_000);
    }

    @Test
    void afterATrackerRestartAFreshCollectorRedeliveringTheLastBatchesCountsNothingTwice() throws Exception {
        List<Event> journal = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            journal.add(i % 4 == 0 ? click("k" + i, "c1", "l1", "0.25", "USD")
                    : impression("i" + i, "c" + i % 3, "l1", "2.2", i % 2 == 0 ? "USD" : "EUR"));
        }
        BankerCollector beforeCrash = collector();
        beforeCrash.collect(journal.subList(0, 10));
        beforeCrash.collect(journal.subList(10, 20));
        banker.applyThenAnswer(503);
        assertThatThrownBy(() -> beforeCrash.collect(journal.subList(20, 30))).isInstanceOf(BankerException.class);
        banker.applyThenAnswer(0);
        // kill -9: the cursor was saved after batch 10..19 at best, and in this run only after 0..9
        beforeCrash.deactivate();
        collectors.remove(beforeCrash);
        banker.restart();

        BankerCollector afterRestart = collector();
        afterRestart.collect(journal.subList(10, 25));   // regrouped: the dispatcher's batches differ now
        afterRestart.collect(journal.subList(25, 40));

        assertThat(banker.ledger().countedEvents()).isEqualTo(40);
        assertThat(banker.ledger().totals()).isEqualTo(expectedTotals(journal));
    }

    private static Map<BankerLedger.Line, Long> expectedTotals(List<Event> events) {
        Map<BankerLedger.Line, Long> totals = new TreeMap<>();
        for (Event event : events) {
            boolean isClick = event.type().equals("click");
            long micros = isClick ? 250_000 : 2_200;
            String currency = event.dimensions().get("currency");
            totals.merge(line(event.dimensions().get("cid"), "l1", currency), micros, Long::sum);
        }
        return totals;
    }

    private String keyOf(List<Event> batch) {
        BankerSettings settings = TestConfigs.settings(banker.url());
        SpendExtractor extractor = new SpendExtractor(settings);
        SkipCounts skips = new SkipCounts();
        List<SpendItem> items = new ArrayList<>();
        batch.forEach(event -> items.add(extractor.extract(event, skips)));
        return SpendReportJson.idempotencyKey(SpendReportJson.write(
                SpendAggregator.aggregate(settings.name(), items, settings.requestMaxEvents(), skips).get(0)));
    }

    private void post(String key, String body) throws Exception {
        HttpClient.newHttpClient().send(HttpRequest.newBuilder(banker.endpoint())
                .header("Content-Type", "application/json").header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.discarding());
    }

    private static BankerLedger.Line line(String campaign, String lineItem, String currency) {
        return new BankerLedger.Line("acme", campaign, lineItem, currency);
    }

    private BankerCollector collector(Object... more) {
        Map<String, Object> properties = TestConfigs.properties(banker.url(), more);
        BankerCollector collector = new BankerCollector(TestConfigs.of(BankerConfig.class, properties), properties);
        collectors.add(collector);
        return collector;
    }
}

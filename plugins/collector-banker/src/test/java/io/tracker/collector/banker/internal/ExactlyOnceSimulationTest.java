package io.tracker.collector.banker.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.tracker.api.Event;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A tracker in miniature, without threads: a journal, a cursor that is saved after a delivered batch (or
 * lost, as with kill -9 between collect and the save), batches of varying size, replays, tracker restarts
 * (a fresh collector from the saved cursor), and a banker that goes down, refuses the port, loses answers,
 * sheds load and restarts. Whatever happens, banker's totals must equal the spend of every distinct event,
 * computed here independently.
 */
class ExactlyOnceSimulationTest {

    private static final String[] CURRENCIES = {"USD", "EUR", "JPY"};

    @TempDir
    Path state;

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 20261128})
    void bankerCountsEveryCentOnce(long seed) throws Exception {
        Random random = new Random(seed);
        List<Event> journal = journal(random, 1500);
        try (TestBanker banker = TestBanker.start(state)) {
            Map<String, Object> properties = TestConfigs.properties(banker.url(), "request.max.events", 40);
            BankerCollector collector = new BankerCollector(TestConfigs.of(BankerConfig.class, properties), properties);
            int cursor = 0;
            int savedCursor = 0;
            int failures = 0;
            List<Event> batch = null;
            while (cursor < journal.size()) {
                injectFault(random, banker);
                if (batch == null) {
                    batch = journal.subList(cursor, Math.min(journal.size(), cursor + 1 + random.nextInt(60)));
                }
                boolean delivered;
                try {
                    collector.collect(batch);
                    delivered = true;
                } catch (IOException e) {
                    failures++;
                    recover(random, banker);
                    delivered = false;
                }
                if (delivered) {
                    cursor += batch.size();
                    batch = null;
                    if (random.nextInt(10) > 0) {
                        savedCursor = cursor; // else the process dies before saving: the batch comes again
                    }
                }
                int fate = random.nextInt(20);
                if (fate == 0) {
                    // tracker restart (kill -9 included): a fresh collector resumes from the saved cursor,
                    // and the dispatcher groups the events anew
                    collector.deactivate();
                    collector = new BankerCollector(TestConfigs.of(BankerConfig.class, properties), properties);
                    cursor = savedCursor;
                    batch = null;
                } else if (fate == 1 && delivered) {
                    cursor = savedCursor = random.nextInt(cursor + 1); // tracker:replay from an earlier offset
                }
                // otherwise a failed batch is retried as it was, as the dispatcher does
            }
            collector.deactivate();

            assertThat(failures).as("the simulation injected faults").isPositive();
            assertThat(banker.requests()).as("some reports were replayed by key")
                    .anyMatch(TestBanker.Request::replayed);
            assertThat(banker.requests()).as("some events came again in other reports")
                    .anyMatch(request -> request.status() == 201 && request.answer().get("events_duplicate").longValue() > 0);
            assertThat(banker.ledger().totals()).isEqualTo(expectedTotals(journal));
            assertThat(banker.ledger().countedEvents()).isEqualTo(distinct(journal).size());
        }
    }

    private static void injectFault(Random random, TestBanker banker) throws IOException {
        switch (random.nextInt(16)) {
            case 0:
                banker.goDown();
                break;
            case 1:
                banker.stop();
                break;
            case 2:
                banker.applyThenAnswer(504);
                break;
            case 3:
                banker.answerWith(429);
                break;
            case 4:
                banker.restart();
                break;
            default:
                break;
        }
    }

    /** Banker comes back, sometimes only after a few more failed attempts. */
    private static void recover(Random random, TestBanker banker) throws IOException {
        if (random.nextInt(3) == 0) {
            return;
        }
        banker.comeUp();
        banker.answerWith(0);
        banker.applyThenAnswer(0);
        banker.reopen();
    }

    /** Impressions (CPM with up to 4 decimals), clicks and conversions; a few appended twice with the same id. */
    private static List<Event> journal(Random random, int size) {
        List<Event> journal = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            if (i > 0 && random.nextInt(20) == 0) {
                journal.add(journal.get(random.nextInt(journal.size()))); // a client retry that reached the journal
                continue;
            }
            String type = i % 7 == 0 ? "click" : i % 31 == 0 ? "conversion" : "impression";
            String metric = type.equals("click") ? "cpc" : type.equals("conversion") ? "value" : "price";
            BigDecimal price = BigDecimal.valueOf(random.nextInt(5_000_000), type.equals("impression") ? 4 : 2);
            journal.add(Event.builder(type + "-" + i, type, Instant.ofEpochSecond(1_800_000_000L + i))
                    .dimension("cid", "c" + random.nextInt(3)).dimension("lid", "l" + random.nextInt(2))
                    .dimension("currency", CURRENCIES[random.nextInt(CURRENCIES.length)]).metric(metric, price).build());
        }
        return journal;
    }

    private static List<Event> distinct(List<Event> journal) {
        Set<String> seen = new HashSet<>();
        List<Event> distinct = new ArrayList<>();
        for (Event event : journal) {
            if (seen.add(event.type() + "/" + event.id())) {
                distinct.add(event);
            }
        }
        return distinct;
    }

    /** The oracle: price in currency units, per thousand for impressions, to micros, half-even, per event. */
    private static Map<BankerLedger.Line, Long> expectedTotals(List<Event> journal) {
        Map<BankerLedger.Line, Long> totals = new TreeMap<>();
        for (Event event : distinct(journal)) {
            BigDecimal price = (BigDecimal) event.metrics().values().iterator().next();
            BigDecimal perEvent = event.type().equals("impression") ? price.divide(BigDecimal.valueOf(1000)) : price;
            long micros = perEvent.multiply(BigDecimal.valueOf(1_000_000)).setScale(0, RoundingMode.HALF_EVEN)
                    .longValueExact();
            if (micros == 0) {
                continue; // lines with nothing counted are not listed
            }
            totals.merge(new BankerLedger.Line("acme", event.dimensions().get("cid"), event.dimensions().get("lid"),
                    event.dimensions().get("currency")), micros, Long::sum);
        }
        totals.values().removeIf(amount -> amount == 0);
        return totals;
    }
}

package io.tracker.collector.banker.internal;

import static io.tracker.collector.banker.internal.TestEvents.TIME;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SpendAggregatorTest {

    private final SkipCounts skips = new SkipCounts();

    @Test
    void sumsPerAccountCampaignLineItemAndCurrency() {
        List<SpendReport> reports = SpendAggregator.aggregate("banker", List.of(
                item("impression", "e1", "c1", "l1", "USD", 2_500),
                item("click", "e2", "c1", "l1", "USD", 350_000),
                item("impression", "e3", "c1", "l1", "EUR", 1_000),
                item("impression", "e4", "c1", "l2", "USD", 7),
                item("impression", "e5", "c1", "l1", "USD", 2_500)), 1000, skips);

        assertThat(reports).hasSize(1);
        assertThat(reports.get(0).lines()).extracting(line -> line.key().lineItem() + "/" + line.key().currency(),
                SpendReport.Line::amountMicros, line -> line.events().size())
                .containsExactly(
                        tuple("l1/EUR", 1_000L, 1),
                        tuple("l1/USD", 355_000L, 3),
                        tuple("l2/USD", 7L, 1));
        assertThat(reports.get(0).lines().get(1).events()).extracting(SpendItem::eventId)
                .containsExactly("e2", "e1", "e5");
    }

    @Test
    void theSameEventsGiveTheSameReportInAnyOrder() {
        List<SpendItem> items = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            items.add(item(i % 3 == 0 ? "click" : "impression", "e" + i, "c" + i % 4, "l" + i % 5,
                    i % 2 == 0 ? "USD" : "EUR", i * 13L));
        }
        byte[] first = SpendReportJson.write(SpendAggregator.aggregate("banker", items, 1000, skips).get(0));
        Collections.shuffle(items, new Random(42));
        byte[] second = SpendReportJson.write(SpendAggregator.aggregate("banker", items, 1000, skips).get(0));

        assertThat(second).isEqualTo(first);
    }

    @Test
    void anEventRepeatedInTheBatchIsReportedOnceTheFirstTime() {
        List<SpendReport> reports = SpendAggregator.aggregate("banker", List.of(
                item("impression", "e1", "c1", "l1", "USD", 10),
                item("impression", "e1", "c1", "l1", "USD", 99),
                item("click", "e1", "c1", "l1", "USD", 5)), 1000, skips);

        assertThat(reports.get(0).lines().get(0).amountMicros()).isEqualTo(15);
        assertThat(skips.count(SkipReason.DUPLICATE_IN_BATCH)).isEqualTo(1);
    }

    @Test
    void splitsIntoReportsOfAtMostTheMaximum() {
        List<SpendItem> items = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            items.add(item("impression", String.format("e%02d", i), "c1", i < 12 ? "l1" : "l2", "USD", 1));
        }

        List<SpendReport> reports = SpendAggregator.aggregate("banker", items, 10, skips);

        assertThat(reports).extracting(SpendReport::eventCount).containsExactly(10, 10, 5);
        assertThat(reports.get(1).lines()).extracting(line -> line.key().lineItem(), SpendReport.Line::amountMicros)
                .containsExactly(tuple("l1", 2L),
                        tuple("l2", 8L));
    }

    @Test
    void nothingToReportGivesNoReport() {
        assertThat(SpendAggregator.aggregate("banker", List.of(), 10, skips)).isEmpty();
    }

    static SpendItem item(String type, String id, String campaign, String lineItem, String currency, long micros) {
        return new SpendItem(type, id, TIME, "acme", campaign, lineItem, currency, micros);
    }
}

package io.tracker.collector.banker.internal;

import static io.tracker.collector.banker.internal.TestEvents.TIME;
import static org.assertj.core.api.Assertions.assertThat;

import io.tracker.api.Event;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class SpendExtractorTest {

    private final SpendExtractor extractor = new SpendExtractor(TestConfigs.settings("http://banker"));
    private final SkipCounts skips = new SkipCounts();

    @Test
    void anImpressionSpendsItsClearingPriceCpm() {
        SpendItem item = extractor.extract(TestEvents.impression("e1", "c1", "l1", "2.50", "EUR"), skips);

        assertThat(item).isEqualTo(new SpendItem("impression", "e1", TIME, "acme", "c1", "l1", "EUR", 2_500));
        assertThat(skips.total()).isZero();
    }

    @Test
    void clicksAndConversionsSpendTheirPriceEach() {
        assertThat(extractor.extract(TestEvents.click("e2", "c1", "l1", "0.35", "USD"), skips).amountMicros())
                .isEqualTo(350_000);
        assertThat(extractor.extract(TestEvents.conversion("e3", "c1", "l1", "12.5", "USD"), skips).amountMicros())
                .isEqualTo(12_500_000);
    }

    @Test
    void theCurrencyDefaultsAndIsUpperCased() {
        assertThat(extractor.extract(TestEvents.click("e1", "c1", "l1", "1", null), skips).currency()).isEqualTo("USD");
        assertThat(extractor.extract(TestEvents.click("e2", "c1", "l1", "1", "gbp"), skips).currency()).isEqualTo("GBP");
        assertThat(extractor.extract(TestEvents.click("e3", "c1", "l1", "1", " "), skips).currency()).isEqualTo("USD");
    }

    @Test
    void accountAndPriceMayComeFromDimensions() {
        SpendExtractor fromDimensions = new SpendExtractor(TestConfigs.settings("http://banker", "account",
                "dimension:adv", "price.impression", "dimension:clearing", "price.impression.unit", "cpm-micros"));
        Event event = Event.builder("e1", "impression", TIME).dimension("adv", "globex").dimension("cid", "c1")
                .dimension("lid", "l1").dimension("clearing", "1234567").build();

        assertThat(fromDimensions.extract(event, skips))
                .isEqualTo(new SpendItem("impression", "e1", TIME, "globex", "c1", "l1", "USD", 1_235));
    }

    @Test
    void skipsEventsWithoutUsableSpendAndSaysWhy() {
        assertSkipped(TestEvents.priced("impression", "e1", "c1", "l1", "price", null, "USD"), SkipReason.MISSING_PRICE);
        assertSkipped(TestEvents.impression("e2", "c1", "l1", "-0.01", "USD"), SkipReason.NEGATIVE_PRICE);
        assertSkipped(TestEvents.priced("click", "e3", "c1", "l1", "cpc", Double.NaN, "USD"),
                SkipReason.UNPARSEABLE_PRICE);
        assertSkipped(TestEvents.priced("click", "e4", "c1", "l1", "cpc", new BigDecimal("1E+20"), "USD"),
                SkipReason.PRICE_OUT_OF_RANGE);
        assertSkipped(TestEvents.click("e5", null, "l1", "1", "USD"), SkipReason.MISSING_CAMPAIGN);
        assertSkipped(TestEvents.click("e6", "c1", "", "1", "USD"), SkipReason.MISSING_LINE_ITEM);
        assertSkipped(TestEvents.click("e7", "c1", "l1", "1", "US"), SkipReason.INVALID_CURRENCY);
        assertSkipped(TestEvents.click("e8", "c".repeat(257), "l1", "1", "USD"), SkipReason.VALUE_TOO_LONG);
        assertSkipped(Event.builder("e9", "video", TIME).build(), SkipReason.NOT_PRICED);

        SpendExtractor byDimension = new SpendExtractor(TestConfigs.settings("http://banker", "account", "dimension:adv",
                "price.click", "dimension:cpc"));
        assertThat(byDimension.extract(Event.builder("e10", "click", TIME).dimension("cpc", "1").dimension("cid", "c1")
                .dimension("lid", "l1").build(), skips)).isNull();
        assertThat(skips.count(SkipReason.MISSING_ACCOUNT)).isEqualTo(1);
        assertThat(byDimension.extract(Event.builder("e11", "click", TIME).dimension("cpc", "1,5").build(), skips))
                .isNull();
        assertThat(skips.count(SkipReason.UNPARSEABLE_PRICE)).isEqualTo(2);
        assertThat(skips.toString()).contains("no price: 1 (first e1)", "negative price: 1 (first e2)");
    }

    @Test
    void aZeroPriceIsSpendOfZeroNotASkip() {
        assertThat(extractor.extract(TestEvents.impression("e1", "c1", "l1", "0", "USD"), skips).amountMicros()).isZero();
        assertThat(skips.total()).isZero();
    }

    private void assertSkipped(Event event, SkipReason reason) {
        int before = skips.count(reason);
        assertThat(extractor.extract(event, skips)).as(reason.name()).isNull();
        assertThat(skips.count(reason)).as(reason.name()).isEqualTo(before + 1);
    }
}

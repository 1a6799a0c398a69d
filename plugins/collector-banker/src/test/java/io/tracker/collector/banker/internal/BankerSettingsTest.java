package io.tracker.collector.banker.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BankerSettingsTest {

    private static final String SOURCE = BankerSettings.FACTORY_PID + " (banker-main.cfg)";
    private static final String URL = "http://banker.internal:8080";

    @Test
    void defaults() {
        BankerSettings settings = settings(Map.of());

        assertThat(settings.name()).isEqualTo("banker");
        assertThat(settings.endpoint()).isEqualTo(URI.create("http://banker.internal:8080/v1/spend"));
        assertThat(settings.account()).isEqualTo(AccountSource.fixed("acme"));
        assertThat(settings.eventTypes()).isEqualTo("click,conversion,impression");
        assertThat(settings.priceRules()).containsOnlyKeys("impression", "click", "conversion");
        assertThat(settings.priceRule("impression")).isEqualTo(new PriceRule("impression", true, "price", PriceUnit.CPM));
        assertThat(settings.priceRule("click")).isEqualTo(new PriceRule("click", true, "cpc", PriceUnit.EACH));
        assertThat(settings.priceRule("conversion")).isEqualTo(new PriceRule("conversion", true, "value", PriceUnit.EACH));
        assertThat(settings.campaignDimension()).isEqualTo("cid");
        assertThat(settings.lineItemDimension()).isEqualTo("lid");
        assertThat(settings.currencyDimension()).isEqualTo("currency");
        assertThat(settings.defaultCurrency()).isEqualTo("USD");
        assertThat(settings.requestTimeout()).isEqualTo(Duration.ofSeconds(4));
        assertThat(settings.connectTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(settings.requestMaxEvents()).isEqualTo(1000);
        assertThat(settings.authToken()).isEmpty();
        assertThat(settings.dropsSpendOnOverflow()).isFalse();
    }

    @Test
    void theEndpointIsUnderTheBaseUrlWithOrWithoutATrailingSlash() {
        assertThat(settings(Map.of("banker.url", "https://banker.example/api/")).endpoint())
                .isEqualTo(URI.create("https://banker.example/api/v1/spend"));
        assertThat(settings(Map.of("banker.url", " http://10.0.0.5:9000 ")).endpoint())
                .isEqualTo(URI.create("http://10.0.0.5:9000/v1/spend"));
    }

    @Test
    void refusesABadBankerUrlNamingSourceKeyAndValue() {
        Map<String, Object> noUrl = new HashMap<>();
        noUrl.put("banker.url", null);
        assertThatThrownBy(() -> settings(noUrl))
                .hasMessage(SOURCE + ": key 'banker.url' = 'null': a value is required");
        assertThatThrownBy(() -> settings(Map.of("banker.url", "banker:8080")))
                .hasMessage(SOURCE + ": key 'banker.url' = 'banker:8080': expected an absolute http or https URL such as "
                        + "http://banker:8080");
        assertThatThrownBy(() -> settings(Map.of("banker.url", "ftp://banker")))
                .hasMessageContaining("key 'banker.url' = 'ftp://banker'");
        assertThatThrownBy(() -> settings(Map.of("banker.url", "http://user:secret@banker")))
                .hasMessageContaining("expected no query, fragment or user info");
        assertThatThrownBy(() -> settings(Map.of("banker.url", "http://banker/?x=1")))
                .hasMessageContaining("expected no query");
        assertThatThrownBy(() -> settings(Map.of("banker.url", "http://bad host")))
                .hasMessageContaining("key 'banker.url' = 'http://bad host': not a URL");
    }

    @Test
    void theAccountIsFixedOrADimension() {
        assertThat(settings(Map.of("account", "dimension:adv")).account()).isEqualTo(AccountSource.fromDimension("adv"));
        assertThat(settings(Map.of("account", " acme-eu ")).account()).isEqualTo(AccountSource.fixed("acme-eu"));
        assertThatThrownBy(() -> settings(Map.of("account", "dimension:")))
                .hasMessage(SOURCE + ": key 'account' = 'dimension:': expected dimension:<name> with a name");
        assertThatThrownBy(() -> settings(Map.of("account", " ")))
                .hasMessage(SOURCE + ": key 'account' = ' ': a value is required");
    }

    @Test
    void pricesComeFromMetricsOrDimensionsInAnyUnit() {
        BankerSettings settings = settings(Map.of("price.impression", "dimension:clearing",
                "price.impression.unit", "CPM-Micros", "price.click", "metric:cost", "price.click.unit", "micros"));

        assertThat(settings.priceRule("impression"))
                .isEqualTo(new PriceRule("impression", false, "clearing", PriceUnit.CPM_MICROS));
        assertThat(settings.priceRule("click")).isEqualTo(new PriceRule("click", true, "cost", PriceUnit.MICROS));
    }

    @Test
    void furtherEventTypesArePricedWithTheirOwnKeys() {
        BankerSettings settings = settings(Map.of("event.types", "impression,video", "price.video", "metric:cost",
                "price.video.unit", "cpm"));

        assertThat(settings.priceRule("video")).isEqualTo(new PriceRule("video", true, "cost", PriceUnit.CPM));
        assertThat(settings.eventTypes()).isEqualTo("impression,video");
        assertThat(settings(Map.of("price.signup", "metric:fee")).priceRule("signup").unit()).isEqualTo(PriceUnit.EACH);
    }

    @Test
    void refusesPriceRulesItCannotUse() {
        assertThatThrownBy(() -> settings(Map.of("price.click", "cpc")))
                .hasMessage(SOURCE + ": key 'price.click' = 'cpc': expected metric:<name> or dimension:<name>");
        assertThatThrownBy(() -> settings(Map.of("price.click", "metric:")))
                .hasMessageContaining("key 'price.click' = 'metric:'");
        assertThatThrownBy(() -> settings(Map.of("price.click.unit", "cpc")))
                .hasMessage(SOURCE + ": key 'price.click.unit' = 'cpc': expected one of each, cpm, micros, cpm-micros");
        assertThatThrownBy(() -> settings(Map.of("price.video.units", "cpm")))
                .hasMessage(SOURCE + ": key 'price.video.units' = 'cpm': unknown key; expected price.<event type> or "
                        + "price.<event type>.unit");
        assertThatThrownBy(() -> settings(Map.of("price.video.unit", "cpm")))
                .hasMessageContaining("key 'price.video.unit' = 'cpm': a unit without a price: set price.video too");
    }

    @Test
    void everyListedEventTypeNeedsAPriceButAllMayIncludeUnpricedOnes() {
        assertThatThrownBy(() -> settings(Map.of("event.types", "impression,video")))
                .hasMessage(SOURCE + ": key 'event.types' = 'impression,video': event type 'video' has no price: "
                        + "set price.video");
        assertThatThrownBy(() -> settings(Map.of("price.conversion", "")))
                .hasMessageContaining("event type 'conversion' has no price");
        assertThatThrownBy(() -> settings(Map.of("event.types", " , ")))
                .hasMessageContaining("key 'event.types' = '': expected event types, or * for all");

        BankerSettings all = settings(Map.of("event.types", "*", "price.conversion", ""));
        assertThat(all.eventTypes()).isEqualTo("*");
        assertThat(all.priceRule("conversion")).isNull();
        assertThat(settings(Map.of("event.types", new String[] {"impression", "click"})).eventTypes())
                .isEqualTo("click,impression");
    }

    @Test
    void currencyIsAThreeLetterCode() {
        assertThat(settings(Map.of("default.currency", "eur")).defaultCurrency()).isEqualTo("EUR");
        assertThatThrownBy(() -> settings(Map.of("default.currency", "EURO")))
                .hasMessage(SOURCE + ": key 'default.currency' = 'EURO': expected an ISO 4217 code such as USD");
    }

    @Test
    void refusesNumbersOutOfRange() {
        assertThatThrownBy(() -> settings(Map.of("request.timeout.ms", 0L)))
                .hasMessage(SOURCE + ": key 'request.timeout.ms' = '0': expected 1 to 600000");
        assertThatThrownBy(() -> settings(Map.of("connect.timeout.ms", 600_001L)))
                .hasMessageContaining("key 'connect.timeout.ms' = '600001'");
        assertThatThrownBy(() -> settings(Map.of("request.max.events", 0)))
                .hasMessage(SOURCE + ": key 'request.max.events' = '0': expected 1 to 100000");
        assertThat(settings(Map.of("request.max.events", 100_000)).requestMaxEvents()).isEqualTo(100_000);
    }

    @Test
    void checksTheTrackerFacingProperties() {
        assertThatThrownBy(() -> settings(Map.of("tracker.collector.name", "")))
                .hasMessageContaining("key 'tracker.collector.name' = ''");
        assertThatThrownBy(() -> settings(Map.of("start.position", "first")))
                .hasMessage(SOURCE + ": key 'start.position' = 'first': expected one of earliest, latest");
        assertThatThrownBy(() -> settings(Map.of("overflow.policy", "drop")))
                .hasMessage(SOURCE + ": key 'overflow.policy' = 'drop': expected one of reject, drop-oldest");
        assertThat(settings(Map.of("overflow.policy", "drop-oldest")).dropsSpendOnOverflow()).isTrue();
    }

    @Test
    void theTokenIsSentButNeverShown() {
        BankerSettings settings = settings(Map.of(".auth.token", " s3cret "));

        assertThat(settings.authToken()).isEqualTo("s3cret");
        assertThat(settings.toString()).doesNotContain("s3cret").contains("with a bearer token");
    }

    private static BankerSettings settings(Map<String, ?> overrides) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("banker.url", URL);
        properties.put("account", "acme");
        properties.putAll(overrides);
        return BankerSettings.from(TestConfigs.of(BankerConfig.class, properties), properties, SOURCE);
    }
}

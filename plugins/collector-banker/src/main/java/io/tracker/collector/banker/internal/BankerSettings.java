package io.tracker.collector.banker.internal;

import io.tracker.api.PluginProperties;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A {@link BankerConfig} checked once: every later step reads these values and never parses again.
 *
 * @param endpoint      where reports are POSTed: {@code <banker.url>/v1/spend}
 * @param priceRules    by event type; a type without a rule carries no spend
 * @param authToken     the bearer token, empty for none; never in {@link #toString()}
 */
record BankerSettings(String name, URI endpoint, AccountSource account, Map<String, PriceRule> priceRules,
        String eventTypes, String campaignDimension, String lineItemDimension, String currencyDimension,
        String defaultCurrency, Duration requestTimeout, Duration connectTimeout, int requestMaxEvents,
        String authToken, boolean dropsSpendOnOverflow) {

    static final String FACTORY_PID = "io.tracker.collector.banker";
    static final String SPEND_PATH = "/v1/spend";
    static final int MAX_REQUEST_EVENTS = 100_000;
    static final long MAX_TIMEOUT_MS = 600_000;

    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
    private static final Pattern PRICE_KEY = Pattern.compile("price\\.([A-Za-z0-9_-]+)");
    private static final Pattern UNIT_KEY = Pattern.compile("price\\.([A-Za-z0-9_-]+)\\.unit");
    private static final Set<String> BUILT_IN_TYPES = Set.of("impression", "click", "conversion");

    /**
     * @param properties the component's properties, for {@code price.<type>} keys of further event types
     * @param source     where the configuration came from (PID, file), named in error messages
     * @throws IllegalArgumentException naming the source, the key and the value
     */
    static BankerSettings from(BankerConfig config, Map<String, ?> properties, String source) {
        Invalid invalid = new Invalid(source);
        String name = required(invalid, "tracker.collector.name", config.tracker_collector_name());
        URI endpoint = endpoint(invalid, config.banker_url());
        AccountSource account = account(invalid, config.account());

        Map<String, PriceRule> rules = new TreeMap<>();
        addRule(invalid, rules, "impression", config.price_impression(), config.price_impression_unit());
        addRule(invalid, rules, "click", config.price_click(), config.price_click_unit());
        addRule(invalid, rules, "conversion", config.price_conversion(), config.price_conversion_unit());
        addFurtherRules(invalid, rules, properties);
        // read raw: a .config file may give a string array, which the annotation would cut to its first element
        Object listedTypes = properties.get(PluginProperties.EVENT_TYPES);
        String eventTypes = eventTypes(invalid, listedTypes != null ? listedTypes : config.event_types(), rules);

        String currency = config.default_currency() == null ? null
                : config.default_currency().trim().toUpperCase(Locale.ROOT);
        if (currency == null || !CURRENCY.matcher(currency).matches()) {
            throw invalid.key("default.currency", config.default_currency(), "expected an ISO 4217 code such as USD");
        }
        oneOf(invalid, "start.position", config.start_position(), "earliest", "latest");
        String overflow = oneOf(invalid, "overflow.policy", config.overflow_policy(), "reject", "drop-oldest");
        return new BankerSettings(name, endpoint, account, Map.copyOf(rules), eventTypes,
                required(invalid, "campaign.dimension", config.campaign_dimension()),
                required(invalid, "line.item.dimension", config.line_item_dimension()),
                required(invalid, "currency.dimension", config.currency_dimension()), currency,
                Duration.ofMillis(millis(invalid, "request.timeout.ms", config.request_timeout_ms())),
                Duration.ofMillis(millis(invalid, "connect.timeout.ms", config.connect_timeout_ms())),
                requestMaxEvents(invalid, config.request_max_events()),
                config._auth_token() == null ? "" : config._auth_token().trim(), "drop-oldest".equals(overflow));
    }

    /** @return the rule for events of this type, or null if they carry no spend */
    PriceRule priceRule(String eventType) {
        return priceRules.get(eventType);
    }

    @Override
    public String toString() {
        return "reports to " + endpoint + " for account " + account + ", event types [" + eventTypes + "], prices "
                + new TreeMap<>(priceRules).values() + ", campaign/line item/currency from " + campaignDimension + "/"
                + lineItemDimension + "/" + currencyDimension + " (default " + defaultCurrency + "), timeout "
                + requestTimeout.toMillis() + " ms, up to " + requestMaxEvents + " events per report"
                + (authToken.isEmpty() ? "" : ", with a bearer token");
    }

    private static URI endpoint(Invalid invalid, String url) {
        String base = required(invalid, "banker.url", url);
        URI uri;
        try {
            uri = new URI(base);
        } catch (URISyntaxException e) {
            throw invalid.key("banker.url", url, "not a URL: " + e.getMessage());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
            throw invalid.key("banker.url", url, "expected an absolute http or https URL such as http://banker:8080");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
            // user info would be a credential in a URL that is logged; auth.token is the place for it
            throw invalid.key("banker.url", url, "expected no query, fragment or user info");
        }
        while (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        return URI.create(base + SPEND_PATH);
    }

    private static AccountSource account(Invalid invalid, String value) {
        String account = required(invalid, "account", value);
        if (!account.startsWith(PriceRule.DIMENSION_PREFIX)) {
            return AccountSource.fixed(account);
        }
        String dimension = account.substring(PriceRule.DIMENSION_PREFIX.length()).trim();
        if (dimension.isEmpty()) {
            throw invalid.key("account", value, "expected dimension:<name> with a name");
        }
        return AccountSource.fromDimension(dimension);
    }

    private static void addRule(Invalid invalid, Map<String, PriceRule> rules, String type, String price, String unit) {
        String key = "price." + type;
        if (price == null || price.isBlank()) {
            return; // this type carries no spend
        }
        String value = price.trim();
        boolean fromMetric = value.startsWith(PriceRule.METRIC_PREFIX);
        if (!fromMetric && !value.startsWith(PriceRule.DIMENSION_PREFIX)) {
            throw invalid.key(key, price, "expected metric:<name> or dimension:<name>");
        }
        String name = value.substring(value.indexOf(':') + 1).trim();
        if (name.isEmpty()) {
            throw invalid.key(key, price, "expected metric:<name> or dimension:<name> with a name");
        }
        PriceUnit priceUnit = unit == null ? PriceUnit.EACH : PriceUnit.byConfigName(unit);
        if (priceUnit == null) {
            throw invalid.key(key + ".unit", unit, "expected one of " + PriceUnit.configNames());
        }
        rules.put(type, new PriceRule(type, fromMetric, name, priceUnit));
    }

    /** {@code price.<type>} and {@code price.<type>.unit} of types beyond the three built in; other price.* keys are typos. */
    private static void addFurtherRules(Invalid invalid, Map<String, PriceRule> rules, Map<String, ?> properties) {
        Map<String, String> prices = new TreeMap<>();
        Map<String, String> units = new TreeMap<>();
        for (Map.Entry<String, ?> property : properties.entrySet()) {
            String key = property.getKey();
            if (!key.startsWith("price.")) {
                continue;
            }
            Matcher price = PRICE_KEY.matcher(key);
            Matcher unit = UNIT_KEY.matcher(key);
            String value = String.valueOf(property.getValue());
            if (price.matches()) {
                prices.put(price.group(1), value);
            } else if (unit.matches()) {
                units.put(unit.group(1), value);
            } else {
                throw invalid.key(key, value, "unknown key; expected price.<event type> or price.<event type>.unit");
            }
        }
        for (Map.Entry<String, String> unit : units.entrySet()) {
            if (!BUILT_IN_TYPES.contains(unit.getKey()) && !prices.containsKey(unit.getKey())) {
                throw invalid.key("price." + unit.getKey() + ".unit", unit.getValue(),
                        "a unit without a price: set price." + unit.getKey() + " too");
            }
        }
        for (Map.Entry<String, String> price : prices.entrySet()) {
            if (!BUILT_IN_TYPES.contains(price.getKey())) {
                addRule(invalid, rules, price.getKey(), price.getValue(), units.get(price.getKey()));
            }
        }
    }

    private static String eventTypes(Invalid invalid, Object property, Map<String, PriceRule> rules) {
        Collection<String> values;
        if (property instanceof String[]) {
            values = Arrays.asList((String[]) property);
        } else if (property instanceof Collection<?>) {
            values = ((Collection<?>) property).stream().map(String::valueOf).collect(Collectors.toList());
        } else {
            values = Arrays.asList(String.valueOf(property));
        }
        Set<String> types = values.stream().flatMap(value -> Arrays.stream(value.split(",")))
                .map(String::trim).filter(type -> !type.isEmpty()).collect(Collectors.toCollection(TreeSet::new));
        String listed = String.join(",", types);
        if (types.isEmpty()) {
            throw invalid.key("event.types", listed, "expected event types, or * for all");
        }
        for (String type : types) {
            if (!type.equals(PluginProperties.ALL_EVENT_TYPES) && !rules.containsKey(type)) {
                throw invalid.key("event.types", listed, "event type '" + type + "' has no price: set price." + type);
            }
        }
        return listed;
    }

    private static String oneOf(Invalid invalid, String key, String value, String... allowed) {
        if (value == null) {
            return allowed[0];
        }
        String trimmed = value.trim();
        if (!Arrays.asList(allowed).contains(trimmed)) {
            throw invalid.key(key, value, "expected one of " + String.join(", ", allowed));
        }
        return trimmed;
    }

    private static long millis(Invalid invalid, String key, long value) {
        if (value < 1 || value > MAX_TIMEOUT_MS) {
            throw invalid.key(key, String.valueOf(value), "expected 1 to " + MAX_TIMEOUT_MS);
        }
        return value;
    }

    private static int requestMaxEvents(Invalid invalid, int value) {
        if (value < 1 || value > MAX_REQUEST_EVENTS) {
            throw invalid.key("request.max.events", String.valueOf(value), "expected 1 to " + MAX_REQUEST_EVENTS);
        }
        return value;
    }

    private static String required(Invalid invalid, String key, String value) {
        if (value == null || value.isBlank()) {
            throw invalid.key(key, value, "a value is required");
        }
        return value.trim();
    }

    /** Builds the error messages: {@code <source>: key '<key>' = '<value>': <reason>}. */
    private static final class Invalid {
        private final String source;

        Invalid(String source) {
            this.source = source;
        }

        IllegalArgumentException key(String key, String value, String reason) {
            return new IllegalArgumentException(source + ": key '" + key + "' = '" + value + "': " + reason);
        }
    }
}

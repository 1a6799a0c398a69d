package io.tracker.collector.banker.internal;

import io.tracker.api.Event;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Reads the spend of one event by the configured rules: price, account, campaign, line item, currency.
 * An event that cannot carry spend (no price, a negative or unreadable one, no campaign, ...) is skipped
 * with its reason, never failed: retrying would not make it readable, and failing would stop every event
 * behind it. Stateless and thread-safe.
 */
final class SpendExtractor {

    /** The longest account, campaign, line item, event type or event id banker takes (docs/banker-api.yaml). */
    static final int MAX_TEXT_LENGTH = 256;

    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

    private final BankerSettings settings;

    SpendExtractor(BankerSettings settings) {
        this.settings = settings;
    }

    /** @return the event's spend, or null after recording in {@code skips} why it has none */
    SpendItem extract(Event event, SkipCounts skips) {
        PriceRule rule = settings.priceRule(event.type());
        if (rule == null) {
            return skip(skips, SkipReason.NOT_PRICED, event);
        }
        Object price = rule.read(event);
        if (price == null) {
            return skip(skips, SkipReason.MISSING_PRICE, event);
        }
        BigDecimal decimal;
        try {
            decimal = Micros.decimal(price);
        } catch (NumberFormatException e) {
            return skip(skips, SkipReason.UNPARSEABLE_PRICE, event);
        }
        if (decimal.signum() < 0) {
            return skip(skips, SkipReason.NEGATIVE_PRICE, event);
        }
        long micros;
        try {
            micros = Micros.perEvent(decimal, rule.unit());
        } catch (ArithmeticException e) {
            return skip(skips, SkipReason.PRICE_OUT_OF_RANGE, event);
        }
        String account = settings.account().read(event);
        String campaign = event.dimensions().get(settings.campaignDimension());
        String lineItem = event.dimensions().get(settings.lineItemDimension());
        if (isBlank(account)) {
            return skip(skips, SkipReason.MISSING_ACCOUNT, event);
        }
        if (isBlank(campaign)) {
            return skip(skips, SkipReason.MISSING_CAMPAIGN, event);
        }
        if (isBlank(lineItem)) {
            return skip(skips, SkipReason.MISSING_LINE_ITEM, event);
        }
        String currency = currency(event);
        if (!CURRENCY.matcher(currency).matches()) {
            return skip(skips, SkipReason.INVALID_CURRENCY, event);
        }
        if (tooLong(account) || tooLong(campaign) || tooLong(lineItem) || tooLong(event.id()) || tooLong(event.type())) {
            return skip(skips, SkipReason.VALUE_TOO_LONG, event);
        }
        return new SpendItem(event.type(), event.id(), event.timestamp(), account, campaign, lineItem, currency, micros);
    }

    private String currency(Event event) {
        String currency = event.dimensions().get(settings.currencyDimension());
        return isBlank(currency) ? settings.defaultCurrency() : currency.trim().toUpperCase(Locale.ROOT);
    }

    private static SpendItem skip(SkipCounts skips, SkipReason reason, Event event) {
        skips.add(reason, event.id());
        return null;
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    private static boolean tooLong(String value) {
        return value.length() > MAX_TEXT_LENGTH;
    }
}

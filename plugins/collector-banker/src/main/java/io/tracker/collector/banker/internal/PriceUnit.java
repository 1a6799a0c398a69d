package io.tracker.collector.banker.internal;

import java.math.BigDecimal;
import java.util.Locale;

/**
 * What a configured price means, and so how many decimal places it moves to become micros (millionths
 * of a currency unit) per event: a CPM of 2.50 is 2,500 micros per impression, a CPC of 0.35 is 350,000.
 */
enum PriceUnit {
    /** The price of this one event, in currency units: 0.35 USD. */
    EACH("each", 6),
    /** The price of a thousand such events, in currency units: a clearing price of 2.50 USD CPM. */
    CPM("cpm", 3),
    /** The price of this one event, already in micros: 350000. */
    MICROS("micros", 0),
    /** The price of a thousand such events, in micros: 2500000 for 2.50 USD CPM. */
    CPM_MICROS("cpm-micros", -3);

    private final String configName;
    private final int decimalShift;

    PriceUnit(String configName, int decimalShift) {
        this.configName = configName;
        this.decimalShift = decimalShift;
    }

    /** Moves the price's decimal point to micros; exact, rounding is the caller's step. */
    BigDecimal toMicros(BigDecimal price) {
        return price.movePointRight(decimalShift);
    }

    String configName() {
        return configName;
    }

    /** @return the unit named {@code each}, {@code cpm}, {@code micros} or {@code cpm-micros}; null if none */
    static PriceUnit byConfigName(String name) {
        String wanted = name.trim().toLowerCase(Locale.ROOT);
        for (PriceUnit unit : values()) {
            if (unit.configName.equals(wanted)) {
                return unit;
            }
        }
        return null;
    }

    static String configNames() {
        StringBuilder names = new StringBuilder();
        for (PriceUnit unit : values()) {
            names.append(names.length() == 0 ? "" : ", ").append(unit.configName);
        }
        return names.toString();
    }
}

package io.tracker.collector.banker.internal;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * Money arithmetic: a price as the event carries it (a metric's number or a dimension's text) becomes a
 * whole number of micros per event. Only {@link BigDecimal}: a double cannot hold 0.1 and would make
 * totals drift, so a double metric is taken by its shortest decimal text ({@code 0.1}, not
 * {@code 0.1000000000000000055...}).
 *
 * <p>Rounding happens once per event, half-even (banker's rounding: 2.5 micros is 2, 3.5 is 4, so the
 * roundings cancel out on average instead of always rounding up). Per event, not per total, because the
 * banker deduplicates per event: an event's amount must be the same whichever batch it arrives in.
 */
final class Micros {

    /** The largest amount one event may carry: 10 million currency units. Keeps any report's sum in a long. */
    static final long MAX_EVENT_MICROS = 10_000_000_000_000L;

    private static final BigDecimal MAX_EVENT = BigDecimal.valueOf(MAX_EVENT_MICROS);
    private static final BigDecimal HALF = new BigDecimal("0.5");
    /** Longer price text is not a price; also keeps a hostile value from costing parse time. */
    private static final int MAX_PRICE_TEXT_LENGTH = 64;

    private Micros() {
    }

    /**
     * @param price a {@link Number} or a {@link CharSequence}
     * @return the exact decimal value
     * @throws NumberFormatException if it is not a finite decimal number
     */
    static BigDecimal decimal(Object price) {
        if (price instanceof BigDecimal) {
            return (BigDecimal) price;
        }
        if (price instanceof Long || price instanceof Integer || price instanceof Short || price instanceof Byte) {
            return BigDecimal.valueOf(((Number) price).longValue());
        }
        if (price instanceof BigInteger) {
            return new BigDecimal((BigInteger) price);
        }
        if (price instanceof Double || price instanceof Float) {
            double value = ((Number) price).doubleValue();
            if (!Double.isFinite(value)) {
                throw new NumberFormatException("not a finite number: " + price);
            }
            // Float.toString for a float: 0.1f is "0.1", not the double 0.10000000149011612
            return new BigDecimal(price instanceof Float ? Float.toString((Float) price) : Double.toString(value));
        }
        if (price == null) {
            throw new NumberFormatException("no value");
        }
        String text = price.toString().trim();
        if (text.isEmpty() || text.length() > MAX_PRICE_TEXT_LENGTH) {
            throw new NumberFormatException("not a price: '" + text + "'");
        }
        return new BigDecimal(text);
    }

    /**
     * @param price not negative
     * @return whole micros per event, rounded half-even
     * @throws ArithmeticException if the amount exceeds {@link #MAX_EVENT_MICROS}
     */
    static long perEvent(BigDecimal price, PriceUnit unit) {
        BigDecimal micros = unit.toMicros(price);
        // both bounds are compared before rounding, which is cheap: setScale on 1E+999999999 or 1E-999999999
        // would compute with a billion-digit power of ten
        if (micros.compareTo(MAX_EVENT) > 0) {
            throw new ArithmeticException(micros + " micros exceeds " + MAX_EVENT_MICROS);
        }
        if (micros.compareTo(HALF) <= 0) {
            return 0; // half-even: 0.5 rounds to 0 as well
        }
        return micros.setScale(0, RoundingMode.HALF_EVEN).longValueExact();
    }
}

package io.tracker.processing.internal.eventtype;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

/**
 * The type a value must have: {@code string}, {@code long}, {@code decimal}, {@code boolean},
 * {@code timestamp} or {@code enum(a|b|c)}. Converting a raw value either gives its normal form or
 * says, in words an integrator understands, why it is not one.
 */
public final class ValueType {

    public static final ValueType STRING = new ValueType("string", List.of());
    public static final ValueType LONG = new ValueType("long", List.of());
    public static final ValueType DECIMAL = new ValueType("decimal", List.of());
    public static final ValueType BOOLEAN = new ValueType("boolean", List.of());
    public static final ValueType TIMESTAMP = new ValueType("timestamp", List.of());

    private final String name;
    private final List<String> allowed;

    private ValueType(String name, List<String> allowed) {
        this.name = name;
        this.allowed = allowed;
    }

    /** @throws IllegalArgumentException for an unknown type */
    public static ValueType parse(String spec) {
        String text = spec.trim();
        switch (text.toLowerCase(Locale.ROOT)) {
            case "string":
                return STRING;
            case "long":
                return LONG;
            case "decimal":
                return DECIMAL;
            case "boolean":
                return BOOLEAN;
            case "timestamp":
                return TIMESTAMP;
            default:
                if (text.startsWith("enum(") && text.endsWith(")") && text.length() > 6) {
                    List<String> values = List.of(text.substring(5, text.length() - 1).split("\\|", -1));
                    if (values.stream().noneMatch(String::isBlank)) {
                        return new ValueType("enum", values.stream().map(String::trim).toList());
                    }
                }
                throw new IllegalArgumentException("unknown type '" + text + "', expected string, long, decimal, "
                        + "boolean, timestamp or enum(a|b)");
        }
    }

    /** Whether a metric may have this type (metrics are numbers). */
    public boolean numeric() {
        return this == LONG || this == DECIMAL;
    }

    /**
     * @return the normal form: a Long for long, a BigDecimal for decimal, a String for the other types
     * @throws IllegalArgumentException saying why the value does not fit
     */
    public Object convert(String raw) {
        switch (name) {
            case "string":
                return raw;
            case "long":
                try {
                    return Long.parseLong(raw.trim());
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("'" + raw + "' is not a whole number");
                }
            case "decimal":
                try {
                    return new BigDecimal(raw.trim());
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("'" + raw + "' is not a number");
                }
            case "boolean":
                switch (raw.trim().toLowerCase(Locale.ROOT)) {
                    case "true": case "1": case "yes":
                        return "true";
                    case "false": case "0": case "no":
                        return "false";
                    default:
                        throw new IllegalArgumentException("'" + raw + "' is not true or false");
                }
            case "timestamp":
                return timestamp(raw.trim());
            default:
                if (!allowed.contains(raw)) {
                    throw new IllegalArgumentException("'" + raw + "' is not one of " + String.join(", ", allowed));
                }
                return raw;
        }
    }

    private static String timestamp(String raw) {
        try {
            if (raw.chars().allMatch(Character::isDigit) && !raw.isEmpty()) {
                return Instant.ofEpochMilli(Long.parseLong(raw)).toString();
            }
            return Instant.parse(raw).toString();
        } catch (DateTimeParseException | NumberFormatException e) {
            throw new IllegalArgumentException("'" + raw + "' is not an ISO-8601 time or epoch milliseconds");
        }
    }

    @Override
    public String toString() {
        return allowed.isEmpty() ? name : "enum(" + String.join("|", allowed) + ")";
    }
}

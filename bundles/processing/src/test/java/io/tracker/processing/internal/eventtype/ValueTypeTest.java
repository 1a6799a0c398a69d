package io.tracker.processing.internal.eventtype;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ValueTypeTest {

    @Nested
    class Parsing {

        @ParameterizedTest
        @CsvSource({"string, string", "long, long", "decimal, decimal", "boolean, boolean", "timestamp, timestamp",
            "LONG, long", "' Decimal ', decimal", "Timestamp, timestamp"})
        void parsesEveryPlainTypeInAnyCaseAndTrimmed(String spec, String expected) {
            assertThat(ValueType.parse(spec)).hasToString(expected);
        }

        @Test
        void plainTypesAreTheSharedConstants() {
            assertThat(ValueType.parse("string")).isSameAs(ValueType.STRING);
            assertThat(ValueType.parse("long")).isSameAs(ValueType.LONG);
            assertThat(ValueType.parse("decimal")).isSameAs(ValueType.DECIMAL);
            assertThat(ValueType.parse("boolean")).isSameAs(ValueType.BOOLEAN);
            assertThat(ValueType.parse("timestamp")).isSameAs(ValueType.TIMESTAMP);
        }

        @Test
        void parsesAnEnumWithItsValuesInOrderAndTrimmed() {
            assertThat(ValueType.parse("enum(start|midpoint|complete)")).hasToString("enum(start|midpoint|complete)");
            assertThat(ValueType.parse(" enum( a | b ) ")).hasToString("enum(a|b)");
            assertThat(ValueType.parse("enum(only)")).hasToString("enum(only)");
        }

        @ParameterizedTest
        @ValueSource(strings = {"int", "", "  ", "str", "enum", "enum()", "enum(a||b)", "enum( )", "enum(a|b",
            "enum a|b", "list(a)"})
        void rejectsAnUnknownTypeSayingWhatIsExpected(String spec) {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> ValueType.parse(spec))
                    .withMessage("unknown type '" + spec.trim() + "', expected string, long, decimal, boolean, "
                            + "timestamp or enum(a|b)");
        }

        @ParameterizedTest
        @ValueSource(strings = {"enum(|)", "enum(a|)", "enum(a|b|)"})
        void rejectsAnEnumWithAnEmptyAlternative(String spec) {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> ValueType.parse(spec))
                    .withMessageContaining("unknown type '" + spec + "'");
        }

        @Test
        void onlyLongAndDecimalAreNumeric() {
            assertThat(ValueType.LONG.numeric()).isTrue();
            assertThat(ValueType.DECIMAL.numeric()).isTrue();
            assertThat(ValueType.STRING.numeric()).isFalse();
            assertThat(ValueType.BOOLEAN.numeric()).isFalse();
            assertThat(ValueType.TIMESTAMP.numeric()).isFalse();
            assertThat(ValueType.parse("enum(1|2)").numeric()).isFalse();
        }
    }

    @Nested
    class Converting {

        @Test
        void aStringIsKeptAsItIsSpacesIncluded() {
            assertThat(ValueType.STRING.convert(" banner A ")).isEqualTo(" banner A ");
            assertThat(ValueType.STRING.convert("")).isEqualTo("");
        }

        @ParameterizedTest
        @CsvSource({"42, 42", "' -7 ', -7", "0, 0", "+5, 5", "9223372036854775807, 9223372036854775807"})
        void aLongIsAWholeNumber(String raw, long expected) {
            assertThat(ValueType.LONG.convert(raw)).isInstanceOf(Long.class).isEqualTo(expected);
        }

        @ParameterizedTest
        @ValueSource(strings = {"4.2", "abc", "", "1e3", "9223372036854775808", "12 34", "0x10"})
        void aLongRejectsWhatIsNotAWholeNumber(String raw) {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> ValueType.LONG.convert(raw))
                    .withMessage("'" + raw + "' is not a whole number");
        }

        @Test
        void aDecimalKeepsItsDigitsExactly() {
            assertThat(ValueType.DECIMAL.convert("19.99")).isEqualTo(new BigDecimal("19.99"));
            assertThat(ValueType.DECIMAL.convert("0.10")).isEqualTo(new BigDecimal("0.10"));
            assertThat(ValueType.DECIMAL.convert(" -3 ")).isEqualTo(new BigDecimal("-3"));
            assertThat(ValueType.DECIMAL.convert("1.5e3")).isEqualTo(new BigDecimal("1.5e3"));
            assertThat(ValueType.DECIMAL.convert("12345678901234567890.123456789"))
                    .isEqualTo(new BigDecimal("12345678901234567890.123456789"));
        }

        @ParameterizedTest
        @ValueSource(strings = {"abc", "", "NaN", "Infinity", "1,5", "1.2.3", "€5"})
        void aDecimalRejectsWhatIsNotANumber(String raw) {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> ValueType.DECIMAL.convert(raw))
                    .withMessage("'" + raw + "' is not a number");
        }

        @ParameterizedTest
        @CsvSource({"true, true", "TRUE, true", "1, true", "yes, true", "' Yes ', true",
            "false, false", "False, false", "0, false", "no, false", "NO, false"})
        void aBooleanIsNormalisedToTrueOrFalse(String raw, String expected) {
            assertThat(ValueType.BOOLEAN.convert(raw)).isEqualTo(expected);
        }

        @ParameterizedTest
        @ValueSource(strings = {"maybe", "", "2", "on", "y"})
        void aBooleanRejectsAnythingElse(String raw) {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> ValueType.BOOLEAN.convert(raw))
                    .withMessage("'" + raw + "' is not true or false");
        }

        @Test
        void aTimestampIsAnIsoInstantInUtc() {
            assertThat(ValueType.TIMESTAMP.convert("2026-03-01T10:15:30Z")).isEqualTo("2026-03-01T10:15:30Z");
            assertThat(ValueType.TIMESTAMP.convert(" 2026-03-01T10:15:30.123Z ")).isEqualTo("2026-03-01T10:15:30.123Z");
            assertThat(ValueType.TIMESTAMP.convert("2026-03-01T11:15:30+01:00")).isEqualTo("2026-03-01T10:15:30Z");
        }

        @Test
        void aTimestampMayBeEpochMilliseconds() {
            long millis = Instant.parse("2026-03-01T10:15:30.123Z").toEpochMilli();

            assertThat(ValueType.TIMESTAMP.convert(Long.toString(millis))).isEqualTo("2026-03-01T10:15:30.123Z");
            assertThat(ValueType.TIMESTAMP.convert("0")).isEqualTo("1970-01-01T00:00:00Z");
        }

        @ParameterizedTest
        @ValueSource(strings = {"yesterday", "", "2026-03-01", "2026-03-01 10:15:30", "-5", "1.5",
            "99999999999999999999"})
        void aTimestampRejectsAnythingElse(String raw) {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> ValueType.TIMESTAMP.convert(raw))
                    .withMessage("'" + raw.trim() + "' is not an ISO-8601 time or epoch milliseconds");
        }

        @Test
        void anEnumTakesExactlyOneOfItsValues() {
            ValueType quartile = ValueType.parse("enum(start|midpoint|complete)");

            assertThat(quartile.convert("midpoint")).isEqualTo("midpoint");
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> quartile.convert("Midpoint"))
                    .withMessage("'Midpoint' is not one of start, midpoint, complete");
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> quartile.convert(""))
                    .withMessage("'' is not one of start, midpoint, complete");
        }
    }
}

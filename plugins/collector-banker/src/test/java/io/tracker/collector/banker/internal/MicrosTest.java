package io.tracker.collector.banker.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Assertions;

class MicrosTest {

    @Test
    void everyUnitBecomesMicrosPerEvent() {
        assertThat(Micros.perEvent(new BigDecimal("0.35"), PriceUnit.EACH)).isEqualTo(350_000);
        assertThat(Micros.perEvent(new BigDecimal("2.50"), PriceUnit.CPM)).isEqualTo(2_500);
        assertThat(Micros.perEvent(new BigDecimal("350000"), PriceUnit.MICROS)).isEqualTo(350_000);
        assertThat(Micros.perEvent(new BigDecimal("2500000"), PriceUnit.CPM_MICROS)).isEqualTo(2_500);
    }

    @Test
    void roundsHalfEvenToWholeMicros() {
        // a CPM of 1.2345 is 1234.5 micros per impression: the even neighbour, 1234
        assertThat(Micros.perEvent(new BigDecimal("1.2345"), PriceUnit.CPM)).isEqualTo(1_234);
        assertThat(Micros.perEvent(new BigDecimal("1.2355"), PriceUnit.CPM)).isEqualTo(1_236);
        assertThat(Micros.perEvent(new BigDecimal("1.23451"), PriceUnit.CPM)).isEqualTo(1_235);
        assertThat(Micros.perEvent(new BigDecimal("0.0000005"), PriceUnit.EACH)).isZero();
        assertThat(Micros.perEvent(new BigDecimal("0.0000015"), PriceUnit.EACH)).isEqualTo(2);
        assertThat(Micros.perEvent(new BigDecimal("0.00000049"), PriceUnit.EACH)).isZero();
        assertThat(Micros.perEvent(new BigDecimal("2500"), PriceUnit.CPM_MICROS)).isEqualTo(2);
        assertThat(Micros.perEvent(new BigDecimal("3500"), PriceUnit.CPM_MICROS)).isEqualTo(4);
    }

    @Test
    void zeroIsAPrice() {
        assertThat(Micros.perEvent(BigDecimal.ZERO, PriceUnit.EACH)).isZero();
        assertThat(Micros.perEvent(new BigDecimal("-0"), PriceUnit.CPM)).isZero();
    }

    @Test
    void readsEveryKindOfNumberExactly() {
        assertThat(Micros.decimal(new BigDecimal("2.50"))).isEqualByComparingTo("2.5");
        assertThat(Micros.decimal(7L)).isEqualByComparingTo("7");
        assertThat(Micros.decimal(7)).isEqualByComparingTo("7");
        assertThat(Micros.decimal(BigInteger.TEN)).isEqualByComparingTo("10");
        // the shortest decimal text, not the binary fraction a double really holds
        assertThat(Micros.decimal(0.1d)).isEqualByComparingTo("0.1");
        assertThat(Micros.decimal(0.1f)).isEqualByComparingTo("0.1");
        assertThat(Micros.decimal(" 1.25 ")).isEqualByComparingTo("1.25");
        assertThat(Micros.decimal("3e-2")).isEqualByComparingTo("0.03");
    }

    @Test
    void refusesWhatIsNotAFiniteDecimal() {
        assertThatThrownBy(() -> Micros.decimal(Double.NaN)).isInstanceOf(NumberFormatException.class);
        assertThatThrownBy(() -> Micros.decimal(Double.POSITIVE_INFINITY)).isInstanceOf(NumberFormatException.class);
        assertThatThrownBy(() -> Micros.decimal("abc")).isInstanceOf(NumberFormatException.class);
        assertThatThrownBy(() -> Micros.decimal("")).isInstanceOf(NumberFormatException.class);
        assertThatThrownBy(() -> Micros.decimal("1,50")).isInstanceOf(NumberFormatException.class);
        assertThatThrownBy(() -> Micros.decimal("1".repeat(65))).isInstanceOf(NumberFormatException.class);
    }

    @Test
    void refusesAmountsAboveTenMillionUnitsPerEvent() {
        assertThat(Micros.perEvent(new BigDecimal("10000000"), PriceUnit.EACH)).isEqualTo(Micros.MAX_EVENT_MICROS);
        assertThatThrownBy(() -> Micros.perEvent(new BigDecimal("10000000.000001"), PriceUnit.EACH))
                .isInstanceOf(ArithmeticException.class);
    }

    @Test
    void extremeExponentsAreDecidedWithoutHugeArithmetic() {
        Assertions.assertTimeoutPreemptively(Duration.ofSeconds(2), () -> {
            assertThatThrownBy(() -> Micros.perEvent(new BigDecimal("1E+999999999"), PriceUnit.EACH))
                    .isInstanceOf(ArithmeticException.class);
            assertThat(Micros.perEvent(new BigDecimal("1E-999999999"), PriceUnit.CPM)).isZero();
        });
    }
}

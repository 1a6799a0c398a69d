package io.tracker.collector.log.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class IsoInstantTest {

    @Test
    void printsWhatInstantToStringPrints() {
        Instant[] samples = {
            Instant.parse("2026-11-28T10:15:30Z"),
            Instant.parse("2026-11-28T10:15:30.100Z"),
            Instant.parse("2026-11-28T10:15:30.123456Z"),
            Instant.parse("2026-11-28T10:15:30.000000001Z"),
            Instant.parse("2026-11-28T10:15:30.020300Z"),
            Instant.EPOCH,
            Instant.parse("1969-12-31T23:59:59.999Z"),
            Instant.parse("0000-01-01T00:00:00Z"),
            Instant.parse("9999-12-31T23:59:59.999999999Z"),
            Instant.parse("+10000-01-01T00:00:00Z"),
            Instant.parse("-0001-12-31T23:59:59Z"),
            Instant.MIN,
            Instant.MAX,
        };
        for (Instant instant : samples) {
            assertThat(IsoInstant.format(instant)).as(instant.toString()).isEqualTo(instant.toString());
        }
    }

    @Test
    void reusesTheSecondOnlyWhenItIsTheSame() {
        SplittableRandom random = new SplittableRandom(7);
        Instant base = Instant.parse("2026-11-28T10:15:30Z");
        for (int i = 0; i < 10_000; i++) {
            // runs of the same second, then jumps, with every kind of fraction
            Instant instant = base.plusSeconds(random.nextInt(3)).plusNanos(random.nextInt(1_000_000_000)
                    / (int) Math.pow(1000, random.nextInt(4)));
            assertThat(IsoInstant.format(instant)).isEqualTo(instant.toString());
        }
    }
}

package io.tracker.processing.internal.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TimeOrderedIdsTest {

    private static final long NOW = 1_780_000_000_123L;

    @Test
    void isACanonicalVersion7UuidOfTheRfcVariant() {
        for (int i = 0; i < 1_000; i++) {
            String id = TimeOrderedIds.next(NOW);

            assertThat(id).matches("[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
            UUID uuid = UUID.fromString(id);
            assertThat(uuid.version()).isEqualTo(7);
            assertThat(uuid.variant()).isEqualTo(2);
            assertThat(uuid.toString()).isEqualTo(id);
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {0L, 1L, NOW, 0xFFFF_FFFF_FFFFL})
    void embedsTheMillisecondTimestamp(long epochMillis) {
        UUID uuid = UUID.fromString(TimeOrderedIds.next(epochMillis));

        assertThat(uuid.getMostSignificantBits() >>> 16).isEqualTo(epochMillis);
    }

    @Test
    void idsOfALaterMillisecondSortAfterEarlierOnesAsStrings() {
        for (int i = 0; i < 1_000; i++) {
            String earlier = TimeOrderedIds.next(NOW);
            String later = TimeOrderedIds.next(NOW + 1);

            assertThat(later).isGreaterThan(earlier);
        }
    }

    @Test
    void sortingIdsAsStringsSortsThemByTime() {
        List<Long> times = List.of(0L, 15L, 255L, 256L, 4_095L, 65_536L, NOW, NOW + 1_000, 0xFFFF_FFFF_FFFFL);
        List<String> ids = new ArrayList<>();
        for (long time : times) {
            ids.add(TimeOrderedIds.next(time));
        }

        assertThat(ids).isSorted();
    }

    @Test
    void hundredThousandIdsOfTheSameMillisecondAreUnique() {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            ids.add(TimeOrderedIds.next(NOW));
        }

        assertThat(ids).hasSize(100_000);
    }
}

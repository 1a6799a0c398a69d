package io.tracker.preprocessor.dedup.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class IdShardTest {

    @Test
    void aRepeatWithinTheWindowIsNotFirstAfterItIs() {
        IdShard shard = new IdShard(10);

        assertThat(shard.firstSeen(7, 1_000, 100)).isTrue();
        assertThat(shard.firstSeen(7, 1_099, 100)).isFalse();
        assertThat(shard.firstSeen(7, 1_100, 100)).isTrue();
        assertThat(shard.firstSeen(7, 1_150, 100)).isFalse(); // the window restarts at the new first sighting
    }

    @Test
    void whenFullTheOldestGoesFirst() {
        IdShard shard = new IdShard(3);
        shard.firstSeen(1, 0, 1_000);
        shard.firstSeen(2, 1, 1_000);
        shard.firstSeen(3, 2, 1_000);

        assertThat(shard.firstSeen(4, 3, 1_000)).isTrue(); // 1 forgotten
        assertThat(shard.size()).isEqualTo(3);
        assertThat(shard.firstSeen(2, 4, 1_000)).isFalse();
        assertThat(shard.firstSeen(3, 4, 1_000)).isFalse();
        assertThat(shard.firstSeen(1, 5, 1_000)).isTrue(); // new again; 2 forgotten
        assertThat(shard.firstSeen(2, 6, 1_000)).isTrue();
    }

    @Test
    void aClockSteppingBackKeepsIdsNoShorterThanTheWindow() {
        IdShard shard = new IdShard(10);
        shard.firstSeen(1, 1_000, 100);

        assertThat(shard.firstSeen(2, 500, 100)).isTrue(); // taken as 1_000
        assertThat(shard.firstSeen(1, 1_050, 100)).isFalse();
        assertThat(shard.firstSeen(2, 1_099, 100)).isFalse();
        assertThat(shard.firstSeen(2, 1_100, 100)).isTrue();
    }

    @Test
    void refusesANonPositiveCapacity() {
        assertThatThrownBy(() -> new IdShard(0)).isInstanceOf(IllegalArgumentException.class);
    }

    /**
     * Against a plain insertion-ordered map, with fingerprints that crowd a few slots of the set (same low
     * bits), so probe runs wrap around and deletions shift entries; enough ids to grow the ring and the set.
     */
    @Test
    void behavesLikeAnInsertionOrderedMapUnderRandomUse() {
        Random random = new Random(7);
        for (int capacity : new int[] {1, 2, 5, 100, 3_000}) {
            IdShard shard = new IdShard(capacity);
            Model model = new Model(capacity);
            long now = 0;
            long window = 50 + random.nextInt(500);
            for (int op = 0; op < 40_000; op++) {
                now += random.nextInt(3);
                if (random.nextInt(1_000) == 0) {
                    now -= random.nextInt(20); // a clock stepping back now and then
                }
                long fingerprint = random.nextBoolean()
                        ? (1 + random.nextInt(4 * capacity + 8)) * 1_048_576L + random.nextInt(3) // crowded slots
                        : 1 + random.nextInt(8 * capacity + 8);
                assertThat(shard.firstSeen(fingerprint, now, window))
                        .as("capacity %d, op %d, id %d at %d", capacity, op, fingerprint, now)
                        .isEqualTo(model.firstSeen(fingerprint, now, window));
                assertThat(shard.size()).isEqualTo(model.size());
            }
        }
    }

    private static final class Model {
        private final int capacity;
        private final Map<Long, Long> timesInArrivalOrder = new LinkedHashMap<>();
        private long last = Long.MIN_VALUE;

        Model(int capacity) {
            this.capacity = capacity;
        }

        boolean firstSeen(long id, long time, long window) {
            long now = Math.max(time, last);
            last = now;
            for (Iterator<Long> times = timesInArrivalOrder.values().iterator(); times.hasNext(); ) {
                if (times.next() > now - window) {
                    break;
                }
                times.remove();
            }
            if (timesInArrivalOrder.containsKey(id)) {
                return false;
            }
            if (timesInArrivalOrder.size() == capacity) {
                Iterator<Long> oldest = timesInArrivalOrder.keySet().iterator();
                oldest.next();
                oldest.remove();
            }
            timesInArrivalOrder.put(id, now);
            return true;
        }

        int size() {
            return timesInArrivalOrder.size();
        }
    }
}

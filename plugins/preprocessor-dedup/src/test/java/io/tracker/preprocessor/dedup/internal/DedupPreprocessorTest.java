package io.tracker.preprocessor.dedup.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.tracker.api.Event;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class DedupPreprocessorTest {

    private final AtomicLong clockMs = new AtomicLong(1_000_000);

    @Test
    void dropsARepeatWithinTheWindowAndPassesItAfter() {
        DedupPreprocessor dedup = dedup(Map.of("window.ms", 60_000L));
        Event first = event("key-1");

        assertThat(dedup.process(first)).isSameAs(first);
        clockMs.addAndGet(59_999);
        assertThat(dedup.process(event("key-1"))).isNull();
        assertThat(dedup.process(event("key-2"))).isNotNull();
        clockMs.addAndGet(1);
        assertThat(dedup.process(event("key-1"))).isNotNull();
        assertThat(dedup.droppedCount()).isEqualTo(1);
    }

    @Test
    void theDefaultWindowIsTenMinutes() {
        DedupPreprocessor dedup = dedup(Map.of());
        dedup.process(event("key"));

        clockMs.addAndGet(599_999);
        assertThat(dedup.process(event("key"))).isNull();
        clockMs.addAndGet(1);
        assertThat(dedup.process(event("key"))).isNotNull();
    }

    @Test
    void atMaxIdsTheOldestAreForgottenFirst() {
        DedupPreprocessor dedup = dedup(Map.of("max.ids", 3));
        for (String id : List.of("a", "b", "c", "d")) {
            assertThat(dedup.process(event(id))).isNotNull();
            clockMs.incrementAndGet();
        }

        assertThat(dedup.rememberedCount()).isEqualTo(3);
        assertThat(dedup.process(event("b"))).isNull();
        assertThat(dedup.process(event("c"))).isNull();
        assertThat(dedup.process(event("d"))).isNull();
        assertThat(dedup.process(event("a"))).isNotNull(); // forgotten, so new again
    }

    @Test
    void manyShardsStillHoldNoMoreThanMaxIds() {
        DedupPreprocessor dedup = dedup(Map.of("max.ids", 100_000));
        for (int i = 0; i < 300_000; i++) {
            dedup.process(event("id-" + i));
        }

        assertThat(new RecentIds(1, 100_000, clockMs::get).shardCount()).isEqualTo(16);
        assertThat(dedup.rememberedCount()).isEqualTo(100_000);
        assertThat(dedup.process(event("id-299999"))).isNull();
        assertThat(dedup.process(event("id-0"))).isNotNull();
    }

    @Test
    void ofConcurrentRepeatsExactlyOnePasses() throws Exception {
        DedupPreprocessor dedup = dedup(Map.of());
        int threads = 16;
        int ids = 5_000;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<int[]>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                results.add(pool.submit(() -> {
                    int[] passed = new int[ids];
                    start.await();
                    for (int i = 0; i < ids; i++) {
                        passed[i] = dedup.process(event("retry-" + i)) == null ? 0 : 1;
                    }
                    return passed;
                }));
            }
            start.countDown();
            int[] passedPerId = new int[ids];
            for (Future<int[]> result : results) {
                int[] passed = result.get();
                for (int i = 0; i < ids; i++) {
                    passedPerId[i] += passed[i];
                }
            }
            assertThat(passedPerId).containsOnly(1);
            assertThat(dedup.droppedCount()).isEqualTo((long) (threads - 1) * ids);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void shardsGrowWithMaxIdsUpToSixtyFour() {
        assertThat(RecentIds.shardCount(1)).isEqualTo(1);
        assertThat(RecentIds.shardCount(8_191)).isEqualTo(1);
        assertThat(RecentIds.shardCount(8_192)).isEqualTo(2);
        assertThat(RecentIds.shardCount(1_000_000)).isEqualTo(64);
        assertThat(RecentIds.shardCount(100_000_000)).isEqualTo(64);
    }

    @Test
    void fingerprintsAreNeverZeroAndDifferForNearlyEqualIds() {
        RecentIds ids = new RecentIds(1, 1, clockMs::get);

        assertThat(ids.fingerprint("")).isNotZero();
        assertThat(ids.fingerprint("abc")).isEqualTo(ids.fingerprint("abc"))
                .isNotEqualTo(ids.fingerprint("abd"))
                .isNotEqualTo(ids.fingerprint("abc "));
    }

    private DedupPreprocessor dedup(Map<String, ?> properties) {
        return new DedupPreprocessor(DedupSettings.from(TestConfigs.of(DedupConfig.class, properties), "test"),
                clockMs::get);
    }

    static Event event(String id) {
        return Event.builder(id, "click", Instant.parse("2026-11-28T10:15:30.123Z")).dimension("cid", "42").build();
    }
}

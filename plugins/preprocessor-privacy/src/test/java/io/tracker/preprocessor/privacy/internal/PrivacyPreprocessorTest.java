package io.tracker.preprocessor.privacy.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.tracker.api.Event;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class PrivacyPreprocessorTest {

    private static final Map<String, Object> ALL_RULES = Map.of("ip.dimensions", "ip,xff", "hash.dimensions",
            "email,user", ".hash.salt", "test-salt", "hash.length", 16, "drop.dimensions", "phone");

    @Test
    void anonymisesHashesAndDropsKeepingEverythingElse() {
        PrivacyPreprocessor privacy = preprocessor(ALL_RULES);
        Event event = event(Map.of("ip", "203.0.113.57", "xff", "2001:db8:85a3:8d3:1319:8a2e:370:7348",
                "email", "user@example.com", "phone", "+44 20 7946 0000", "cid", "42"));

        Event processed = privacy.process(event);

        assertThat(processed.dimensions()).containsEntry("ip", "203.0.113.0")
                .containsEntry("xff", "2001:db8:85a3::")
                .containsEntry("email", new PiiHasher("test-salt", 16).hash("user@example.com"))
                .containsEntry("cid", "42")
                .doesNotContainKeys("phone", "user");
        assertThat(processed.id()).isEqualTo(event.id());
        assertThat(processed.timestamp()).isEqualTo(event.timestamp());
        assertThat(processed.metrics()).isEqualTo(event.metrics());
    }

    @Test
    void keepsTheOrderOfDimensions() {
        Map<String, String> dimensions = new java.util.LinkedHashMap<>();
        dimensions.put("a", "1");
        dimensions.put("ip", "203.0.113.57");
        dimensions.put("z", "2");

        assertThat(preprocessor(Map.of()).process(event(dimensions)).dimensions().keySet())
                .containsExactly("a", "ip", "z");
    }

    @Test
    void anEventNoRuleTouchesIsReturnedAsItIs() {
        PrivacyPreprocessor privacy = preprocessor(ALL_RULES);
        Event event = event(Map.of("cid", "42", "pub", "p1"));

        assertThat(privacy.process(event)).isSameAs(event);
    }

    @Test
    void aValueThatIsNotAnAddressIsRemovedNeverKept() {
        PrivacyPreprocessor privacy = preprocessor(Map.of());

        for (String value : List.of("garbage", "", "unknown", "host.example.com", "203.0.113.57:443")) {
            Event processed = privacy.process(event(Map.of("ip", value, "cid", "42")));
            assertThat(processed.dimensions()).doesNotContainKey("ip").containsEntry("cid", "42");
        }
        assertThat(privacy.notAnAddressCount()).isEqualTo(5);
        assertThat(privacy.failureCount()).isZero();
    }

    @Test
    void saltDecidesTheHash() {
        Event event = event(Map.of("email", "user@example.com"));
        Map<String, Object> one = Map.of("hash.dimensions", "email", ".hash.salt", "one");
        Map<String, Object> two = Map.of("hash.dimensions", "email", ".hash.salt", "two");

        String first = preprocessor(one).process(event).dimensions().get("email");

        assertThat(preprocessor(one).process(event).dimensions().get("email")).isEqualTo(first).hasSize(64);
        assertThat(preprocessor(two).process(event).dimensions().get("email")).isNotEqualTo(first);
    }

    @Test
    void isSafeOnManyThreadsAtOnce() throws Exception {
        PrivacyPreprocessor privacy = preprocessor(ALL_RULES);
        PiiHasher reference = new PiiHasher("test-salt", 16);
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                results.add(pool.submit(() -> {
                    start.await();
                    int wrong = 0;
                    for (int i = 0; i < 2_000; i++) {
                        int n = thread * 10_000 + i;
                        String email = "user" + n + "@example.com";
                        Map<String, String> dimensions = new HashMap<>();
                        dimensions.put("ip", "198.51." + (n % 256) + "." + (i % 256));
                        dimensions.put("email", email);
                        Event processed = privacy.process(event(dimensions));
                        if (!processed.dimensions().get("email").equals(reference.hash(email))
                                || !processed.dimensions().get("ip").equals("198.51." + (n % 256) + ".0")) {
                            wrong++;
                        }
                    }
                    return wrong;
                }));
            }
            start.countDown();
            for (Future<Integer> result : results) {
                assertThat(result.get()).isZero();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    static PrivacyPreprocessor preprocessor(Map<String, ?> properties) {
        return new PrivacyPreprocessor(PrivacySettings.from(TestConfigs.of(PrivacyConfig.class, properties), "test"));
    }

    static Event event(Map<String, String> dimensions) {
        Event.Builder builder = Event.builder("e1", "impression", Instant.parse("2026-11-28T10:15:30.123Z"))
                .metric("value", 12);
        dimensions.forEach(builder::dimension);
        return builder.build();
    }
}

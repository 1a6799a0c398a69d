package io.tracker.preprocessor.privacy.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class PiiHasherTest {

    @Test
    void isHmacSha256InHex() {
        // RFC 4231, test case 2
        assertThat(new PiiHasher("Jefe", 64).hash("what do ya want for nothing?"))
                .isEqualTo("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    }

    @Test
    void sameValueAndSaltGiveTheSameHashAnotherSaltAnother() {
        PiiHasher one = new PiiHasher("salt-one", 64);
        PiiHasher again = new PiiHasher("salt-one", 64);
        PiiHasher other = new PiiHasher("salt-two", 64);

        assertThat(one.hash("user@example.com")).isEqualTo(one.hash("user@example.com"))
                .isEqualTo(again.hash("user@example.com"))
                .isNotEqualTo(other.hash("user@example.com"))
                .isNotEqualTo(one.hash("User@example.com"));
    }

    @Test
    void keepsTheFirstHashLengthHexCharacters() {
        String full = new PiiHasher("salt", 64).hash("value");

        assertThat(new PiiHasher("salt", 16).hash("value")).isEqualTo(full.substring(0, 16));
        assertThat(new PiiHasher("salt", 7).hash("value")).isEqualTo(full.substring(0, 7));
        assertThat(new PiiHasher("salt", 1).hash("value")).isEqualTo(full.substring(0, 1));
        assertThat(full).hasSize(64).matches("[0-9a-f]{64}");
    }

    @Test
    void hashesEmptyAndNonAsciiValues() {
        PiiHasher hasher = new PiiHasher("salt", 64);

        assertThat(hasher.hash("")).hasSize(64);
        assertThat(hasher.hash("Zoë")).hasSize(64).isNotEqualTo(hasher.hash("Zoe"));
    }

    @Test
    void refusesAnEmptySaltAndLengthsOutOfRange() {
        assertThatThrownBy(() -> new PiiHasher("", 64)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PiiHasher(null, 64)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PiiHasher("salt", 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PiiHasher("salt", 65)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void manyThreadsAtOnceGetTheSameHashesAsOne() throws Exception {
        PiiHasher hasher = new PiiHasher("shared-salt", 64);
        List<String> values = new ArrayList<>();
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            values.add("user-" + i + "@example.com");
            expected.add(new PiiHasher("shared-salt", 64).hash(values.get(i)));
        }
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int offset = t;
                Callable<Boolean> task = () -> {
                    start.await();
                    for (int round = 0; round < 50; round++) {
                        for (int i = 0; i < values.size(); i++) {
                            int index = (i + offset * 17) % values.size();
                            if (!hasher.hash(values.get(index)).equals(expected.get(index))) {
                                return false;
                            }
                        }
                    }
                    return true;
                };
                results.add(pool.submit(task));
            }
            start.countDown();
            for (Future<Boolean> result : results) {
                assertThat(result.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}

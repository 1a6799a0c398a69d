package io.tracker.processing.internal.preprocess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tracker.api.Event;
import io.tracker.api.EventPreprocessor;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class PreprocessorRegistryTest {

    /** Long enough that a test which wrongly waits for it is obviously slow; tests never wait it out. */
    private static final long LONG_WAIT_MS = 5_000;
    /** For the tests where waiting out the timeout is the behaviour under test. */
    private static final long SHORT_WAIT_MS = 150;

    /** A distinct, recognisable preprocessor instance. */
    private static EventPreprocessor named(String label) {
        return new EventPreprocessor() {
            @Override
            public Event process(Event event) {
                return event;
            }

            @Override
            public String toString() {
                return label;
            }
        };
    }

    private static long millisSince(long startNanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
    }

    /** Waits (polling, no fixed sleep) until {@code thread} is parked in a timed wait: the registry's wait. */
    private static void awaitTimedWaiting(Thread thread) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (thread.getState() != Thread.State.TIMED_WAITING) {
            if (!thread.isAlive() || System.nanoTime() > deadline) {
                throw new AssertionError("thread never waited; state " + thread.getState());
            }
            Thread.sleep(1);
        }
    }

    @Test
    void emptyNamesGiveAnEmptyChain() throws Exception {
        PreprocessorRegistry registry = new PreprocessorRegistry(LONG_WAIT_MS);

        assertThat(registry.chain(List.of())).isEmpty();
    }

    @Test
    void resolvesNamesInTheOrderAsked() throws Exception {
        PreprocessorRegistry registry = new PreprocessorRegistry(LONG_WAIT_MS);
        EventPreprocessor geo = named("geo");
        EventPreprocessor bot = named("bot");
        EventPreprocessor tag = named("tag");
        registry.add("geo", geo);
        registry.add("bot", bot);
        registry.add("tag", tag);

        assertThat(registry.chain(List.of("tag", "geo", "bot"))).containsExactly(tag, geo, bot);
        assertThat(registry.chain(List.of("bot", "tag"))).containsExactly(bot, tag);
        assertThat(registry.chain(List.of("geo", "geo"))).containsExactly(geo, geo);
    }

    @Test
    void aResolvedChainIsReusedUntilARegistrationChanges() throws Exception {
        PreprocessorRegistry registry = new PreprocessorRegistry(LONG_WAIT_MS);
        EventPreprocessor v1 = named("v1");
        EventPreprocessor v2 = named("v2");
        registry.add("tag", v1);
        EventPreprocessor[] first = registry.chain(List.of("tag"));

        assertThat(registry.chain(List.of("tag"))).as("resolved once").isSameAs(first);

        registry.add("tag", v2);

        assertThat(registry.chain(List.of("tag"))).containsExactly(v2);
        assertThat(first).as("a chain handed out earlier is left as it was").containsExactly(v1);
    }

    @Test
    void theNewestRegistrationOfANameIsUsed() throws Exception {
        PreprocessorRegistry registry = new PreprocessorRegistry(LONG_WAIT_MS);
        EventPreprocessor v1 = named("v1");
        EventPreprocessor v2 = named("v2");
        registry.add("tag", v1);
        registry.add("tag", v2);

        assertThat(registry.chain(List.of("tag"))).containsExactly(v2);
    }

    @Test
    void aNameNeverRegisteredFailsAtOnce() {
        PreprocessorRegistry registry = new PreprocessorRegistry(LONG_WAIT_MS);
        registry.add("geo", named("geo"));

        long start = System.nanoTime();
        assertThatThrownBy(() -> registry.chain(List.of("geo", "ghost")))
                .isInstanceOf(MissingPreprocessorException.class)
                .hasMessageContaining("'ghost'")
                .hasMessageContaining("not installed")
                .hasMessageNotContaining("withdrawn");
        assertThat(millisSince(start)).as("ms until the failure").isLessThan(LONG_WAIT_MS / 5);
    }

    @Test
    void aNameNeverRegisteredFailsAtOnceEvenBehindOneBeingReplaced() {
        PreprocessorRegistry registry = new PreprocessorRegistry(2_000);
        EventPreprocessor tag = named("tag");
        registry.add("tag", tag);
        registry.remove("tag", tag);

        long start = System.nanoTime();
        assertThatThrownBy(() -> registry.chain(List.of("tag", "ghost")))
                .isInstanceOf(MissingPreprocessorException.class)
                .hasMessageContaining("'ghost'")
                .hasMessageContaining("not installed");
        assertThat(millisSince(start)).as("ms until the failure").isLessThan(1_000);
    }

    @Test
    @Timeout(10)
    void aWithdrawnNameWaitsAndReturnsTheNewInstanceWhenItComesBack() throws Exception {
        PreprocessorRegistry registry = new PreprocessorRegistry(LONG_WAIT_MS);
        EventPreprocessor geo = named("geo");
        EventPreprocessor v1 = named("tag v1");
        EventPreprocessor v2 = named("tag v2");
        registry.add("geo", geo);
        registry.add("tag", v1);
        registry.remove("tag", v1);

        AtomicReference<Object> outcome = new AtomicReference<>();
        AtomicReference<Long> elapsedMs = new AtomicReference<>();
        Thread resolver = new Thread(() -> {
            long start = System.nanoTime();
            try {
                outcome.set(registry.chain(List.of("geo", "tag")));
            } catch (Throwable e) {
                outcome.set(e);
            }
            elapsedMs.set(millisSince(start));
        }, "resolver");
        resolver.start();
        awaitTimedWaiting(resolver); // it is waiting for "tag", not failing at once
        assertThat(outcome.get()).as("outcome while tag is away").isNull();

        registry.add("tag", v2);
        resolver.join(TimeUnit.SECONDS.toMillis(5));

        assertThat(outcome.get()).isInstanceOf(EventPreprocessor[].class);
        assertThat((EventPreprocessor[]) outcome.get()).containsExactly(geo, v2);
        assertThat(elapsedMs.get()).as("returned as soon as tag came back").isLessThan(LONG_WAIT_MS);
    }

    @Test
    void aWithdrawnNameThatDoesNotComeBackFailsAfterAboutWaitMs() {
        PreprocessorRegistry registry = new PreprocessorRegistry(SHORT_WAIT_MS);
        EventPreprocessor tag = named("tag");
        registry.add("tag", tag);
        registry.remove("tag", tag);

        long start = System.nanoTime();
        assertThatThrownBy(() -> registry.chain(List.of("tag")))
                .isInstanceOf(MissingPreprocessorException.class)
                .hasMessageContaining("'tag'")
                .hasMessageContaining("withdrawn")
                .hasMessageNotContaining("not installed");
        long elapsed = millisSince(start);
        assertThat(elapsed).as("ms waited").isGreaterThanOrEqualTo(SHORT_WAIT_MS - 10).isLessThan(SHORT_WAIT_MS + 3_000);
    }

    @Test
    void aRemovalThenReAddBeforeTheChainIsAskedForNeedsNoWait() throws Exception {
        PreprocessorRegistry registry = new PreprocessorRegistry(LONG_WAIT_MS);
        EventPreprocessor v1 = named("v1");
        EventPreprocessor v2 = named("v2");
        registry.add("tag", v1);
        registry.remove("tag", v1);
        registry.add("tag", v2);

        long start = System.nanoTime();
        assertThat(registry.chain(List.of("tag"))).containsExactly(v2);
        assertThat(millisSince(start)).isLessThan(LONG_WAIT_MS / 5);
    }

    @Test
    void aStaleRemoveDoesNotWithdrawTheCurrentInstance() throws Exception {
        PreprocessorRegistry registry = new PreprocessorRegistry(SHORT_WAIT_MS);
        EventPreprocessor v1 = named("v1");
        EventPreprocessor v2 = named("v2");
        registry.add("tag", v1);
        registry.add("tag", v2);     // the new version registers before the old one unbinds
        registry.remove("tag", v1);  // the late unbind of the old version

        long start = System.nanoTime();
        assertThat(registry.chain(List.of("tag"))).containsExactly(v2);
        assertThat(millisSince(start)).as("no wait: tag is present").isLessThan(SHORT_WAIT_MS);
    }

    @Test
    void removingTheCurrentInstanceWithdrawsIt() {
        PreprocessorRegistry registry = new PreprocessorRegistry(SHORT_WAIT_MS);
        EventPreprocessor v1 = named("v1");
        registry.add("tag", v1);
        registry.remove("tag", v1);

        assertThatThrownBy(() -> registry.chain(List.of("tag")))
                .isInstanceOf(MissingPreprocessorException.class)
                .hasMessageContaining("withdrawn");
    }

    @Test
    void anInterruptedWaitFailsAtOnceAndKeepsTheInterruptStatus() {
        PreprocessorRegistry registry = new PreprocessorRegistry(LONG_WAIT_MS);
        EventPreprocessor tag = named("tag");
        registry.add("tag", tag);
        registry.remove("tag", tag);

        Thread.currentThread().interrupt();
        long start = System.nanoTime();
        try {
            assertThatThrownBy(() -> registry.chain(List.of("tag")))
                    .isInstanceOf(MissingPreprocessorException.class)
                    .hasMessageContaining("'tag'");
            assertThat(millisSince(start)).isLessThan(LONG_WAIT_MS / 5);
            assertThat(Thread.currentThread().isInterrupted()).as("interrupt status kept").isTrue();
        } finally {
            Thread.interrupted(); // do not leak the status into other tests
        }
    }

    @Test
    @Timeout(30)
    void chainsResolvedWhileANameIsReplacedOverAndOverAreAlwaysComplete() throws Exception {
        PreprocessorRegistry registry = new PreprocessorRegistry(2_000);
        EventPreprocessor geo = named("geo");
        EventPreprocessor bot = named("bot");
        EventPreprocessor v1 = named("tag v1");
        EventPreprocessor v2 = named("tag v2");
        registry.add("geo", geo);
        registry.add("tag", v1);
        registry.add("bot", bot);
        List<String> names = List.of("geo", "tag", "bot");

        int resolvers = 8;
        int replacements = 5_000;
        ExecutorService pool = Executors.newFixedThreadPool(resolvers);
        AtomicBoolean replacing = new AtomicBoolean(true);
        AtomicInteger resolved = new AtomicInteger();
        AtomicInteger sawV1 = new AtomicInteger();
        AtomicInteger sawV2 = new AtomicInteger();
        CountDownLatch ready = new CountDownLatch(resolvers);
        List<Future<?>> results = new ArrayList<>();
        try {
            for (int t = 0; t < resolvers; t++) {
                results.add(pool.submit(() -> {
                    ready.countDown();
                    do {
                        EventPreprocessor[] chain = registry.chain(names);
                        assertThat(chain).hasSize(3).doesNotContainNull();
                        assertThat(chain[0]).isSameAs(geo);
                        assertThat(chain[1]).isIn(v1, v2);
                        assertThat(chain[2]).isSameAs(bot);
                        (chain[1] == v1 ? sawV1 : sawV2).incrementAndGet();
                        resolved.incrementAndGet();
                    } while (replacing.get());
                    return null;
                }));
            }
            ready.await();
            EventPreprocessor current = v1;
            for (int i = 0; i < replacements; i++) {
                EventPreprocessor next = current == v1 ? v2 : v1;
                registry.remove("tag", current);
                Thread.yield(); // widen the gap in which "tag" is missing
                registry.add("tag", next);
                current = next;
            }
            replacing.set(false);
            for (Future<?> result : results) {
                result.get(20, TimeUnit.SECONDS); // rethrows a resolver's assertion or MissingPreprocessorException
            }
        } finally {
            replacing.set(false);
            pool.shutdownNow();
        }
        assertThat(resolved.get()).isGreaterThanOrEqualTo(resolvers);
        assertThat(sawV1.get() + sawV2.get()).isEqualTo(resolved.get());
    }
}

package io.tracker.processing.internal.preprocess;

import static org.assertj.core.api.Assertions.assertThat;

import io.tracker.api.Event;
import io.tracker.api.EventPreprocessor;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class PreprocessorChainTest {

    private static final Event EVENT = Event.builder("e1", "impression", Instant.parse("2026-11-28T10:15:30Z"))
            .dimension("cid", "42")
            .metric("n", 1L)
            .build();

    private final PreprocessorChain chain = new PreprocessorChain();

    /** A step that records every event it is given and answers with {@code body}'s result. */
    private static final class Step implements EventPreprocessor {
        final List<Event> seen = new ArrayList<>();
        private final UnaryOperator<Event> body;

        Step(UnaryOperator<Event> body) {
            this.body = body;
        }

        @Override
        public Event process(Event event) {
            seen.add(event);
            return body.apply(event);
        }
    }

    /** Appends {@code mark} to the dimension "trail". */
    private static Step appending(String mark) {
        return new Step(event -> event.toBuilder()
                .dimension("trail", event.dimensions().getOrDefault("trail", "") + mark)
                .build());
    }

    @Test
    void anEmptyChainPassesTheEventThrough() {
        assertThat(chain.apply(EVENT, new EventPreprocessor[0])).isSameAs(EVENT);
        assertThat(chain.droppedCount()).isZero();
        assertThat(chain.failureCount()).isZero();
    }

    @Test
    void runsStepsInOrderEachOnThePreviousOutput() {
        Step a = appending("a");
        Step b = appending("b");
        Step c = appending("c");

        Event result = chain.apply(EVENT, new EventPreprocessor[] {a, b, c});

        assertThat(result.dimensions()).containsEntry("trail", "abc").containsEntry("cid", "42");
        assertThat(a.seen).containsExactly(EVENT);
        assertThat(b.seen).singleElement().satisfies(e -> assertThat(e.dimensions()).containsEntry("trail", "a"));
        assertThat(c.seen).singleElement().satisfies(e -> assertThat(e.dimensions()).containsEntry("trail", "ab"));
        assertThat(chain.droppedCount()).isZero();
        assertThat(chain.failureCount()).isZero();
    }

    @Test
    void nullDropsTheEventAndLaterStepsAreNotCalled() {
        Step first = appending("a");
        Step dropper = new Step(event -> null);
        Step later = appending("c");
        EventPreprocessor[] steps = {first, dropper, later};

        assertThat(chain.apply(EVENT, steps)).isNull();
        assertThat(chain.apply(EVENT, steps)).isNull();

        assertThat(chain.droppedCount()).isEqualTo(2);
        assertThat(chain.failureCount()).isZero();
        assertThat(dropper.seen).hasSize(2).allSatisfy(e -> assertThat(e.dimensions()).containsEntry("trail", "a"));
        assertThat(later.seen).isEmpty();
    }

    @Test
    void aThrowingStepIsCountedAndTheEventGoesOnUnchanged() {
        Step first = appending("a");
        Step broken = new Step(event -> {
            throw new IllegalStateException("lookup table missing");
        });
        Step last = appending("c");
        EventPreprocessor[] steps = {first, broken, last};

        Event result = chain.apply(EVENT, steps);

        assertThat(chain.failureCount()).isEqualTo(1);
        assertThat(chain.droppedCount()).isZero();
        assertThat(broken.seen).singleElement()
                .satisfies(e -> assertThat(e.dimensions()).containsEntry("trail", "a"));
        assertThat(last.seen).as("the step after the failing one gets the failing one's input, unchanged")
                .singleElement().isSameAs(broken.seen.get(0));
        assertThat(result.dimensions()).containsEntry("trail", "ac");
    }

    @Test
    void failuresAreCountedEveryTimeNotOnlyWhenLogged() {
        Step broken = new Step(event -> {
            throw new RuntimeException("boom");
        });
        for (int i = 0; i < 5; i++) { // the log shows the 1st, 2nd and 4th only; the count has them all
            assertThat(chain.apply(EVENT, new EventPreprocessor[] {broken, broken})).isSameAs(EVENT);
        }

        assertThat(chain.failureCount()).isEqualTo(10);
        assertThat(chain.droppedCount()).isZero();
    }

    @Test
    void anInterruptStatusIsNotSwallowed() {
        Step interrupting = new Step(event -> {
            Thread.currentThread().interrupt();
            return event;
        });
        try {
            Event result = chain.apply(EVENT, new EventPreprocessor[] {interrupting, appending("b")});

            assertThat(result.dimensions()).containsEntry("trail", "b");
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
    }
}

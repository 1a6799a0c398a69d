package io.tracker.processing.internal.dispatch;

import io.tracker.api.Event;
import io.tracker.api.EventCollector;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A test collector that records a copy of every batch it takes. It can be made to fail its first calls
 * (they fail at once) and held on a gate (every call that would succeed waits until the gate opens).
 */
public final class RecordingCollector implements EventCollector {

    private final CountDownLatch gate;
    private final CountDownLatch entered = new CountDownLatch(1);
    private final List<List<Event>> batches = new ArrayList<>();
    private int failuresLeft;
    private int calls;

    private RecordingCollector(CountDownLatch gate, int failures) {
        this.gate = gate;
        this.failuresLeft = failures;
    }

    /** Takes every batch at once. */
    public static RecordingCollector open() {
        return new RecordingCollector(null, 0);
    }

    /** Every call waits until {@code gate} opens (at most 10 s, then it fails the test run loudly). */
    public static RecordingCollector heldBy(CountDownLatch gate) {
        return new RecordingCollector(gate, 0);
    }

    /** Throws from its first {@code failures} calls, then takes every batch. */
    public static RecordingCollector failingFirst(int failures) {
        return new RecordingCollector(null, failures);
    }

    /** Throws from every call. */
    public static RecordingCollector alwaysFailing() {
        return new RecordingCollector(null, Integer.MAX_VALUE);
    }

    /** Throws from its first {@code failures} calls; the calls after them wait until {@code gate} opens. */
    public static RecordingCollector failingFirstThenHeldBy(int failures, CountDownLatch gate) {
        return new RecordingCollector(gate, failures);
    }

    @Override
    public void collect(List<Event> batch) throws Exception {
        boolean fail;
        synchronized (this) {
            calls++;
            fail = failuresLeft > 0;
            if (fail) {
                failuresLeft--;
            }
            notifyAll();
        }
        entered.countDown();
        if (fail) {
            throw new CollectorDown();
        }
        if (gate != null && !gate.await(10, TimeUnit.SECONDS)) {
            throw new IllegalStateException("test gate never opened");
        }
        synchronized (this) {
            batches.add(List.copyOf(batch));
            notifyAll();
        }
    }

    /** Waits until the dispatcher has called {@link #collect(List)} at least once. */
    public boolean awaitFirstCall(Duration timeout) throws InterruptedException {
        return entered.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Waits until {@link #collect(List)} was called at least {@code count} times. */
    public synchronized boolean awaitCalls(int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (calls < count) {
            long leftMs = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            if (leftMs <= 0) {
                return false;
            }
            wait(leftMs);
        }
        return true;
    }

    /** Waits until at least {@code count} events have been taken. */
    public synchronized boolean awaitEvents(int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (eventCount() < count) {
            long leftMs = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            if (leftMs <= 0) {
                return false;
            }
            wait(leftMs);
        }
        return true;
    }

    public synchronized List<List<Event>> batches() {
        return List.copyOf(batches);
    }

    public synchronized List<Event> events() {
        return batches.stream().flatMap(List::stream).toList();
    }

    /** The ids of every event taken, in the order taken. */
    public synchronized List<String> ids() {
        return batches.stream().flatMap(List::stream).map(Event::id).toList();
    }

    public synchronized int calls() {
        return calls;
    }

    private int eventCount() {
        return batches.stream().mapToInt(List::size).sum();
    }

    /** Thrown by a failing collector; without a stack trace so that retry warnings stay one line. */
    public static final class CollectorDown extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public CollectorDown() {
            super("collector down (test)", null, false, false);
        }
    }
}

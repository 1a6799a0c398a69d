package io.tracker.processing.internal.dispatch;

import io.tracker.api.Event;
import io.tracker.api.EventCollector;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers events to one collector from its own named thread, in batches, retrying a failed batch with
 * backoff until it is delivered. Request threads only {@link #offer(Event)} into a bounded queue, so a
 * slow or failing collector grows its own backlog and never blocks ingestion.
 *
 * <p>Stopping happens in two stages: no more offers are taken and the thread drains the backlog into the
 * collector; if that has not finished by the deadline, the thread is interrupted and what is left is
 * counted and logged as undelivered.
 */
public final class CollectorDispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(CollectorDispatcher.class);

    private final String name;
    private final EventCollector collector;
    private final ArrayBlockingQueue<Event> backlog;
    private final int maxBatchSize;
    private final RetryBackoff backoff;
    private final Thread thread;
    private volatile EventTypeFilter eventTypes;
    private volatile boolean accepting = true;
    private volatile boolean draining;
    /** Size of the batch being delivered; with the backlog, what stop() reports as undelivered. */
    private volatile int inFlight;
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong failedAttempts = new AtomicLong();

    public CollectorDispatcher(String name, EventCollector collector, EventTypeFilter eventTypes,
                               DispatchSettings settings) {
        this.name = name;
        this.collector = collector;
        this.eventTypes = eventTypes;
        this.backlog = new ArrayBlockingQueue<>(settings.backlogCapacity());
        this.maxBatchSize = settings.maxBatchSize();
        this.backoff = settings.backoff();
        this.thread = new Thread(this::run, "tracker-dispatch-" + name);
        this.thread.setDaemon(true);
    }

    public void start() {
        thread.start();
        LOG.info("Collector '{}' attached to event types [{}]", name, eventTypes);
    }

    public String name() {
        return name;
    }

    public EventCollector collector() {
        return collector;
    }

    public boolean accepts(String eventType) {
        return accepting && eventTypes.accepts(eventType);
    }

    public void attachTo(EventTypeFilter eventTypes) {
        this.eventTypes = eventTypes;
        LOG.info("Collector '{}' now attached to event types [{}]", name, eventTypes);
    }

    /** Whether an offer would be taken now; lets the caller refuse a hit before enqueueing anywhere. */
    public boolean hasRoom() {
        return backlog.remainingCapacity() > 0;
    }

    /** Queues an event; false when the backlog is full or the dispatcher is stopping. */
    public boolean offer(Event event) {
        return accepting && backlog.offer(event);
    }

    public long deliveredCount() {
        return delivered.get();
    }

    public long failedAttemptCount() {
        return failedAttempts.get();
    }

    public int backlogSize() {
        return backlog.size();
    }

    /**
     * Stops taking events, delivers the backlog and ends the thread.
     *
     * @param drainTimeoutMs how long the backlog may take to drain before delivery is abandoned
     * @return the number of events that could not be delivered
     */
    public int stop(long drainTimeoutMs) {
        beginStop();
        return awaitStop(drainTimeoutMs);
    }

    /** First stage of stopping: refuse new events, let the thread drain the backlog. Does not wait. */
    public void beginStop() {
        accepting = false;
        draining = true;
    }

    /**
     * Second stage: wait for the drain, then interrupt delivery if it is still going.
     *
     * @return the number of events that could not be delivered
     */
    public int awaitStop(long drainTimeoutMs) {
        try {
            thread.join(Math.max(drainTimeoutMs, 1));
            if (thread.isAlive()) {
                thread.interrupt();
                thread.join(1000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            thread.interrupt();
        }
        int undelivered = backlog.size() + inFlight;
        if (undelivered > 0) {
            LOG.error("Collector '{}' detached with {} events undelivered", name, undelivered);
        } else {
            LOG.info("Collector '{}' detached, {} events delivered", name, delivered.get());
        }
        return undelivered;
    }

    private void run() {
        while (!(draining && backlog.isEmpty())) {
            try {
                Event first = backlog.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                // a new list each time: the collector may keep the batch after collect returns
                List<Event> batch = new ArrayList<>(Math.min(maxBatchSize, backlog.size() + 1));
                batch.add(first);
                backlog.drainTo(batch, maxBatchSize - 1);
                inFlight = batch.size();
                deliver(Collections.unmodifiableList(batch));
                inFlight = 0;
            } catch (InterruptedException e) {
                // only stop() interrupts, after the drain deadline: leave inFlight set so it is counted
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void deliver(List<Event> batch) throws InterruptedException {
        int failures = 0;
        while (true) {
            try {
                collector.collect(batch);
                delivered.addAndGet(batch.size());
                if (failures > 0) {
                    LOG.info("Collector '{}' recovered after {} failed attempts", name, failures);
                }
                return;
            } catch (InterruptedException e) {
                throw e; // stop() gave up on the drain: end the thread, never retry into a detached collector
            } catch (Exception e) {
                if (Thread.currentThread().isInterrupted()) {
                    throw new InterruptedException("delivery to '" + name + "' interrupted: " + e);
                }
                failures++;
                failedAttempts.incrementAndGet();
                long delayMs = backoff.delayMs(failures);
                LOG.warn("Collector '{}' failed to take a batch of {} events (attempt {}), retrying in {} ms",
                        name, batch.size(), failures, delayMs, e);
                Thread.sleep(delayMs);
            }
        }
    }
}

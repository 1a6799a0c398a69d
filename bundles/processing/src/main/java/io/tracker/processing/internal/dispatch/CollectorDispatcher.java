package io.tracker.processing.internal.dispatch;

import io.tracker.api.Event;
import io.tracker.api.EventCollector;
import io.tracker.processing.internal.journal.Journal;
import io.tracker.processing.internal.journal.JournalPosition;
import io.tracker.processing.internal.journal.JournalReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers the journal to one collector from its own named thread: reads batches from the collector's
 * cursor, calls {@link EventCollector#collect(List)}, and moves and saves the cursor only once that
 * returned. A failed batch is retried with backoff until it is delivered; meanwhile only this
 * collector's lag grows.
 *
 * <p>Two ways to stop: {@link #detach(long)} (the collector is going away, e.g. upgraded: finish the
 * batch in hand, keep the cursor where it is) and {@link #drain(long)} (the tracker stops: deliver up to
 * the journal's end first, within a deadline).
 */
public final class CollectorDispatcher {

    /** What the console shows. */
    public enum State { RUNNING, FAILING, STOPPED }

    private static final Logger LOG = LoggerFactory.getLogger(CollectorDispatcher.class);
    private static final long IDLE_WAIT_MS = 100;
    /**
     * The cursor file is rewritten at most this often, or after {@link #SAVE_EVERY_EVENTS}: saving after
     * every batch cost as much as delivering it. A crash redelivers what the file had not caught up with
     * (at-least-once), bounded by these two, which keeps it well within what collectors recognise (the
     * log collector remembers the last 10,000 ids per file).
     */
    private static final long SAVE_INTERVAL_MS = 200;
    private static final long SAVE_EVERY_EVENTS = 4096;

    private final String name;
    private final EventCollector collector;
    private final String version;
    private final Journal journal;
    private final JournalReader reader;
    private final CursorStore cursors;
    private final DispatchSettings settings;
    private final Thread thread;
    private volatile EventTypeFilter eventTypes;
    private volatile boolean stopping;
    private volatile boolean draining;
    /** The thread outlived its stop: whoever stopped it owns the cursor file now. */
    private volatile boolean abandoned;
    private volatile long drainDeadlineNanos;
    private volatile State state = State.RUNNING;
    private volatile JournalPosition committed;
    private JournalPosition saved;          // dispatcher thread only
    private long savedAtMs;                 // dispatcher thread only
    private volatile String lastError = "";
    private volatile long caughtUpAtMs = System.currentTimeMillis();
    private final AtomicReference<JournalPosition> pendingReplay = new AtomicReference<>();
    /** Offset before which the quota removed data: the cursor must not stay behind it. */
    private volatile long droppedBefore = -1;
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong failedAttempts = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();

    public CollectorDispatcher(String name, EventCollector collector, String version, EventTypeFilter eventTypes,
                               Journal journal, JournalPosition from, CursorStore cursors, DispatchSettings settings) {
        this.name = name;
        this.collector = collector;
        this.version = version;
        this.eventTypes = eventTypes;
        this.journal = journal;
        this.reader = journal.reader(from);
        this.committed = from;
        this.cursors = cursors;
        this.settings = settings;
        this.thread = new Thread(this::run, "tracker-dispatch-" + name);
        this.thread.setDaemon(true);
    }

    public void start() {
        save();
        thread.start();
        LOG.info("Collector '{}' ({}) attached to event types [{}], from journal offset {}", name, version,
                eventTypes, committed.offset());
    }

    public String name() {
        return name;
    }

    public EventCollector collector() {
        return collector;
    }

    public String version() {
        return version;
    }

    public State state() {
        return state;
    }

    public String lastError() {
        return lastError;
    }

    public void attachTo(EventTypeFilter eventTypes) {
        this.eventTypes = eventTypes;
        LOG.info("Collector '{}' now attached to event types [{}]", name, eventTypes);
    }

    /** The next journal offset this collector has not confirmed. */
    public JournalPosition committed() {
        return committed;
    }

    /** Records in the journal after the cursor (of every type: a bound on what this collector still gets). */
    public long lagEvents() {
        return Math.max(0, journal.end().offset() - committed.offset());
    }

    /** How long the collector has been behind, in seconds; 0 when it has everything. */
    public long lagSeconds() {
        return lagEvents() == 0 ? 0 : (System.currentTimeMillis() - caughtUpAtMs) / 1000;
    }

    public long deliveredCount() {
        return delivered.get();
    }

    public long failedAttemptCount() {
        return failedAttempts.get();
    }

    public long droppedCount() {
        return dropped.get();
    }

    /** Moves the cursor back (or forward) for a replay, from any thread; applied before the next read. */
    public void replayFrom(JournalPosition to) {
        pendingReplay.set(to);
        wake();
    }

    /**
     * The quota removed the records before {@code offset}, which starts a segment: a cursor behind it
     * jumps there, and the records it skips are counted as dropped. Called with the journal's lock held.
     */
    public void dropBefore(long offset) {
        droppedBefore = Math.max(droppedBefore, offset);
        wake();
    }

    private void wake() {
        synchronized (this) {
            notifyAll();
        }
    }

    /** Stops after the batch in hand, keeping the cursor for the collector's return. Waits up to {@code timeoutMs}. */
    public void detach(long timeoutMs) {
        stopping = true;
        awaitThread(timeoutMs);
        LOG.info("Collector '{}' ({}) detached at journal offset {}, {} events delivered", name, version,
                committed.offset(), delivered.get());
    }

    /** Delivers up to the journal's end, then stops; gives up at the deadline, keeping the cursor. */
    public void drain(long timeoutMs) {
        drainDeadlineNanos = System.nanoTime() + timeoutMs * 1_000_000L;
        draining = true;
        stopping = true;
        awaitThread(timeoutMs + 1000);
        long left = journal.end().offset() - committed.offset();
        if (left > 0) {
            LOG.warn("Collector '{}' stopped {} records short of the journal's end; they are delivered after restart",
                    name, left);
        }
    }

    private void awaitThread(long timeoutMs) {
        wake();
        try {
            thread.join(Math.max(1, timeoutMs));
            if (thread.isAlive()) {
                LOG.warn("Collector '{}' did not return from collect() within {} ms; interrupting it", name, timeoutMs);
                thread.interrupt();
                thread.join(1000);
                abandoned = thread.isAlive();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            thread.interrupt();
        }
        state = State.STOPPED;
        reader.closeQuietly();
    }

    private boolean keepGoing() {
        if (!stopping) {
            return true;
        }
        return draining && System.nanoTime() < drainDeadlineNanos && committed.offset() < journal.end().offset();
    }

    private void run() {
        try {
            deliverUntilStopped();
        } finally {
            if (!abandoned) {
                save(); // the file catches up with the last batch delivered
            }
        }
    }

    private void deliverUntilStopped() {
        int readFailures = 0;
        while (keepGoing()) {
            try {
                applyReplay();
                applyDrop();
                List<Event> batch = new ArrayList<>();
                int consumed = read(batch);
                readFailures = 0;
                if (batch.isEmpty()) {
                    if (consumed > 0) {
                        commit(); // only events of other types: move past them
                    } else {
                        caughtUpAtMs = System.currentTimeMillis();
                        saveIfDue(); // the last batches' cursor reaches the file while idle too
                        journal.awaitAppend(reader.position().offset() - 1, IDLE_WAIT_MS);
                    }
                    continue;
                }
                if (!deliver(Collections.unmodifiableList(batch))) {
                    return; // detached while failing: the cursor stays before this batch
                }
                delivered.addAndGet(batch.size());
                commit();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (IOException | RuntimeException e) {
                // an unreadable record stays unread: retrying keeps the failure visible instead of skipping data
                readFailures++;
                state = State.FAILING;
                lastError = String.valueOf(e);
                LOG.error("Collector '{}' cannot read the journal at offset {} (attempt {})", name,
                        reader.position().offset(), readFailures, e);
                try {
                    if (!pause(settings.backoff().delayMs(readFailures))) {
                        return;
                    }
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /**
     * Reads a batch; with a partial batch, lingers once for more so collectors see fewer, fuller calls.
     * Records read before an unreadable one are returned (and delivered) first; the failure comes back
     * on the next read, with nothing read yet, so nothing read is ever thrown away.
     */
    private int read(List<Event> batch) throws IOException, InterruptedException {
        int consumed;
        try {
            consumed = reader.read(settings.maxBatchSize(), eventTypes::accepts, batch);
        } catch (JournalReader.SegmentGoneException e) {
            JournalPosition start = journal.start();
            dropped.addAndGet(start.offset() - reader.position().offset());
            LOG.warn("Collector '{}' lost journal records {} to {}: the quota removed them before delivery", name,
                    reader.position().offset(), start.offset() - 1);
            reader.seek(start);
            return 0;
        }
        if (consumed > 0 && batch.size() < settings.maxBatchSize() && settings.lingerMs() > 0 && !stopping) {
            // like Kafka's linger.ms: until the batch could be full, or the linger is over
            journal.awaitEnd(reader.position().offset() + settings.maxBatchSize() - batch.size(), settings.lingerMs());
            try {
                consumed += reader.read(settings.maxBatchSize() - batch.size(), eventTypes::accepts, batch);
            } catch (IOException e) {
                LOG.debug("Collector '{}': read after linger failed, delivering the {} events read so far", name,
                        batch.size(), e);
            }
        }
        return consumed;
    }

    /** @return false if the dispatcher was detached before the batch could be delivered */
    private boolean deliver(List<Event> batch) throws InterruptedException {
        int failures = 0;
        while (true) {
            try {
                collector.collect(batch);
                if (failures > 0) {
                    LOG.info("Collector '{}' recovered after {} failed attempts", name, failures);
                }
                state = State.RUNNING;
                return true;
            } catch (InterruptedException e) {
                throw e;
            } catch (Exception e) {
                if (Thread.currentThread().isInterrupted()) {
                    throw new InterruptedException("delivery to '" + name + "' interrupted: " + e);
                }
                failures++;
                failedAttempts.incrementAndGet();
                state = State.FAILING;
                lastError = String.valueOf(e);
                long delayMs = settings.backoff().delayMs(failures);
                LOG.warn("Collector '{}' failed to take {} events (attempt {}), retrying in {} ms: {}", name,
                        batch.size(), failures, delayMs, e.toString());
                if (!pause(delayMs)) {
                    return false;
                }
            }
        }
    }

    /**
     * Waits before a retry; false if the dispatcher was told to stop meanwhile (or the drain ran out).
     * A draining dispatcher keeps backing off, within the drain's deadline.
     */
    private boolean pause(long delayMs) throws InterruptedException {
        synchronized (this) {
            if (draining) {
                long leftMs = (drainDeadlineNanos - System.nanoTime()) / 1_000_000L;
                if (leftMs > 0) {
                    wait(Math.max(1, Math.min(delayMs, leftMs)));
                }
            } else if (!stopping) {
                wait(Math.max(1, delayMs));
            }
        }
        return keepGoing();
    }

    /** Moves the cursor past what was read; the file follows within {@link #SAVE_INTERVAL_MS}. */
    private void commit() {
        moveCursor();
        saveIfDue();
    }

    /** Moves the cursor to where the reader was sent (a replay, a drop) and saves it at once. */
    private void commitAndSave() {
        moveCursor();
        save();
    }

    private void moveCursor() {
        committed = reader.position();
        if (committed.offset() >= journal.end().offset()) {
            caughtUpAtMs = System.currentTimeMillis();
        }
    }

    private void saveIfDue() {
        JournalPosition position = committed;
        if (position.equals(saved)) {
            return;
        }
        if (System.currentTimeMillis() - savedAtMs >= SAVE_INTERVAL_MS
                || position.offset() - saved.offset() >= SAVE_EVERY_EVENTS || position.isBefore(saved)) {
            save();
        }
    }

    private void save() {
        JournalPosition position = committed;
        cursors.save(name, new CursorStore.Cursor(position, -1));
        saved = position;
        savedAtMs = System.currentTimeMillis();
    }

    private void applyReplay() {
        JournalPosition to = pendingReplay.getAndSet(null);
        if (to != null) {
            LOG.info("Collector '{}' replays from journal offset {}", name, to.offset());
            reader.seek(to);
            commitAndSave();
        }
    }

    private void applyDrop() {
        long before = droppedBefore;
        long from = reader.position().offset();
        if (before > from) {
            dropped.addAndGet(before - from);
            LOG.warn("Collector '{}' skips journal records {} to {}: the quota dropped them before delivery", name,
                    from, before - 1);
            reader.seek(new JournalPosition(before, before, 0));
            commitAndSave();
        }
    }
}

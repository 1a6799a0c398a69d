package io.tracker.processing.internal.dispatch;

import io.tracker.api.EventCollector;
import io.tracker.processing.internal.journal.Journal;
import io.tracker.processing.internal.journal.JournalPosition;
import io.tracker.processing.internal.journal.RetentionGuard;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The collectors and their cursors: attaches a collector where its cursor left off (or at its configured
 * start), detaches it keeping the cursor for a while, frees journal segments every cursor has passed, and
 * decides what gives when the journal's quota is reached.
 *
 * <p>Attaching and detaching (rare) happen under this object's monitor and publish a new array of
 * dispatchers; the housekeeping thread and the quota guard read that array without locks.
 */
public final class Deliveries implements RetentionGuard {

    /** How a newly seen collector starts, and what happens to it when the quota is reached. */
    public record CollectorOptions(StartPosition start, OverflowPolicy overflow) {
    }

    public enum StartPosition { LATEST, EARLIEST }

    public enum OverflowPolicy { DROP_OLDEST, REJECT }

    private static final Logger LOG = LoggerFactory.getLogger(Deliveries.class);
    /** How often each collector's status goes to the log, for operators without a console. */
    private static final long STATUS_LOG_INTERVAL_S = 60;

    private final CursorStore cursors;
    private final LongSupplier clockMs;
    private volatile DeliverySettings settings;
    private volatile Journal journal;
    private volatile CollectorDispatcher[] dispatchers = new CollectorDispatcher[0];
    /** A collector whose name is taken by an attached one, waiting for it to leave (an upgrade's overlap). */
    private record Waiting(EventCollector collector, Runnable attach) {
    }

    /** Waiting collectors by name; guarded by this. */
    private final Map<String, List<Waiting>> waiting = new HashMap<>();
    /** Cursors of detached collectors, kept for their return, by name; guarded by this. */
    private final Map<String, CursorStore.Cursor> retained = new HashMap<>();
    /** Names whose dispatcher is finishing its last batch: the name is still in use. Guarded by this. */
    private final Map<String, CollectorDispatcher> detaching = new HashMap<>();
    private volatile Map<String, OverflowPolicy> overflowByName = Map.of();
    private ScheduledExecutorService housekeeping;

    public Deliveries(CursorStore cursors, DeliverySettings settings, LongSupplier clockMs) {
        this.cursors = cursors;
        this.settings = settings;
        this.clockMs = clockMs;
    }

    /** Starts with the journal: loads the cursors of collectors not attached yet and starts housekeeping. */
    public synchronized void start(Journal journal) {
        this.journal = journal;
        long now = clockMs.getAsLong();
        cursors.all().forEach((name, cursor) -> {
            // after a restart every cursor is detached until its collector attaches again; the time is
            // saved, so a collector gone for good does not win a new retention period at each restart
            CursorStore.Cursor kept = cursor.detached() ? cursor : new CursorStore.Cursor(cursor.position(), now);
            if (!cursor.detached()) {
                cursors.save(name, kept);
            }
            retained.put(name, kept);
        });
        housekeeping = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "tracker-journal-retention");
            thread.setDaemon(true);
            return thread;
        });
        housekeeping.scheduleWithFixedDelay(this::housekeep, 1, 1, TimeUnit.SECONDS);
        housekeeping.scheduleAtFixedRate(this::logStatus, STATUS_LOG_INTERVAL_S, STATUS_LOG_INTERVAL_S,
                TimeUnit.SECONDS);
    }

    public void useSettings(DeliverySettings settings) {
        this.settings = settings;
    }

    /**
     * Attaches a collector: from its saved cursor if it had one (a re-install or an upgrade resumes), else
     * from its configured start. A second collector with the name of an attached one waits for it to go.
     */
    public synchronized void attach(String name, EventCollector collector, String version, EventTypeFilter filter,
                                    CollectorOptions options) {
        for (CollectorDispatcher dispatcher : dispatchers) {
            if (dispatcher.name().equals(name)) {
                LOG.warn("Collector '{}' ({}) waits: a collector of that name ({}) is attached; give each collector "
                        + "configuration its own tracker.collector.name", name, version, dispatcher.version());
                waiting.computeIfAbsent(name, n -> new ArrayList<>())
                        .add(new Waiting(collector, () -> attach(name, collector, version, filter, options)));
                return;
            }
        }
        if (detaching.containsKey(name)) {
            LOG.info("Collector '{}' ({}) waits for its previous version to finish its last batch", name, version);
            waiting.computeIfAbsent(name, n -> new ArrayList<>())
                    .add(new Waiting(collector, () -> attach(name, collector, version, filter, options)));
            return;
        }
        CursorStore.Cursor saved = retained.remove(name);
        JournalPosition from = saved != null ? within(saved.position())
                : options.start() == StartPosition.EARLIEST ? journal.start() : journal.end();
        CollectorDispatcher dispatcher = new CollectorDispatcher(name, collector, version, filter, journal, from,
                cursors, settings.dispatch());
        Map<String, OverflowPolicy> overflow = new HashMap<>(overflowByName);
        overflow.put(name, options.overflow());
        overflowByName = Map.copyOf(overflow);
        dispatcher.start();
        CollectorDispatcher[] next = Arrays.copyOf(dispatchers, dispatchers.length + 1);
        next[next.length - 1] = dispatcher;
        dispatchers = next;
    }

    public synchronized void reattach(EventCollector collector, EventTypeFilter filter) {
        for (CollectorDispatcher dispatcher : dispatchers) {
            if (dispatcher.collector() == collector) {
                dispatcher.attachTo(filter);
            }
        }
    }

    /** Detaches a collector; its cursor is kept for {@code cursor.retention.ms} so a re-install resumes. */
    public void detach(EventCollector collector) {
        CollectorDispatcher removed;
        synchronized (this) {
            removed = remove(collector);
            if (removed == null) {
                waiting.values().forEach(list -> list.removeIf(w -> w.collector() == collector));
                return;
            }
            // while its last batch finishes, its cursor holds the journal and its name stays taken
            detaching.put(removed.name(), removed);
            retained.put(removed.name(), new CursorStore.Cursor(removed.committed(), clockMs.getAsLong()));
        }
        removed.detach(settings.detachTimeoutMs());
        List<Waiting> next;
        synchronized (this) {
            detaching.remove(removed.name());
            CursorStore.Cursor kept = retained.get(removed.name());
            // the quota may have moved the kept cursor past the dispatcher's own meanwhile
            JournalPosition position = kept != null && removed.committed().isBefore(kept.position())
                    ? kept.position() : removed.committed();
            CursorStore.Cursor cursor = new CursorStore.Cursor(position, clockMs.getAsLong());
            cursors.save(removed.name(), cursor);
            retained.put(removed.name(), cursor);
            next = waiting.remove(removed.name());
        }
        if (next != null) {
            next.forEach(w -> w.attach().run()); // the first attaches, any others wait again behind it
        }
    }

    /** On shutdown: every collector gets what the journal holds, within the deadline; cursors are kept. */
    public void close(long drainTimeoutMs) {
        CollectorDispatcher[] closing;
        synchronized (this) {
            closing = dispatchers;
            dispatchers = new CollectorDispatcher[0];
            if (housekeeping != null) {
                housekeeping.shutdownNow();
            }
        }
        List<Thread> drains = new ArrayList<>();
        for (CollectorDispatcher dispatcher : closing) {
            Thread drain = new Thread(() -> dispatcher.drain(drainTimeoutMs), "tracker-drain-" + dispatcher.name());
            drain.start();
            drains.add(drain);
        }
        for (Thread drain : drains) {
            try {
                drain.join(drainTimeoutMs + 3000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Moves a collector's cursor (attached or retained) to an offset or to the first event at or after a time. */
    public synchronized String replay(String name, JournalPosition to) {
        for (CollectorDispatcher dispatcher : dispatchers) {
            if (dispatcher.name().equals(name)) {
                dispatcher.replayFrom(within(to));
                return "collector '" + name + "' replays from offset " + within(to).offset();
            }
        }
        CursorStore.Cursor cursor = retained.get(name);
        if (cursor == null) {
            throw new IllegalArgumentException("no collector or kept cursor named '" + name + "'");
        }
        CursorStore.Cursor moved = new CursorStore.Cursor(within(to), cursor.detachedAtMs());
        retained.put(name, moved);
        cursors.save(name, moved);
        return "collector '" + name + "' (detached) will resume from offset " + moved.position().offset();
    }

    /** The attached dispatchers, for status. */
    public List<CollectorDispatcher> attached() {
        return List.of(dispatchers);
    }

    /** Cursors kept for detached collectors, for status. */
    public synchronized Map<String, CursorStore.Cursor> retainedCursors() {
        return new LinkedHashMap<>(retained);
    }

    /**
     * Quota reached: the oldest segment may go if no cursor inside it belongs to a collector with the
     * {@code reject} policy. Cursors inside it jump past it, counting the records as dropped.
     */
    @Override
    public boolean releaseForQuota(long segmentBase, long segmentEnd) {
        CollectorDispatcher[] current = dispatchers;
        Map<String, OverflowPolicy> overflow = overflowByName;
        for (CollectorDispatcher dispatcher : current) {
            if (dispatcher.committed().offset() < segmentEnd
                    && overflow.getOrDefault(dispatcher.name(), settings.defaultOverflow()) == OverflowPolicy.REJECT) {
                return false;
            }
        }
        Map<String, CursorStore.Cursor> kept = retainedCursors();
        for (Map.Entry<String, CursorStore.Cursor> entry : kept.entrySet()) {
            if (entry.getValue().position().offset() < segmentEnd && overflow.getOrDefault(entry.getKey(),
                    settings.defaultOverflow()) == OverflowPolicy.REJECT) {
                return false;
            }
        }
        for (CollectorDispatcher dispatcher : current) {
            if (dispatcher.committed().offset() < segmentEnd) {
                LOG.warn("Journal quota reached: collector '{}' is behind and its policy is drop-oldest, so journal "
                        + "records {} to {} are dropped for it", dispatcher.name(),
                        dispatcher.committed().offset(), segmentEnd - 1);
                dispatcher.dropBefore(segmentEnd);
            }
        }
        synchronized (this) {
            for (Map.Entry<String, CursorStore.Cursor> entry : kept.entrySet()) {
                CursorStore.Cursor cursor = entry.getValue();
                if (cursor.position().offset() < segmentEnd) {
                    LOG.warn("Detached collector '{}' loses journal records {} to {}: dropped under the quota",
                            entry.getKey(), cursor.position().offset(), segmentEnd - 1);
                    CursorStore.Cursor moved = new CursorStore.Cursor(
                            new JournalPosition(segmentEnd, segmentEnd, 0), cursor.detachedAtMs());
                    retained.put(entry.getKey(), moved);
                    cursors.save(entry.getKey(), moved);
                }
            }
        }
        return true;
    }

    /** Forgets cursors kept too long, then deletes the segments every remaining cursor has passed. */
    void housekeep() {
        try {
            long now = clockMs.getAsLong();
            long lowest = Long.MAX_VALUE;
            synchronized (this) {
                retained.entrySet().removeIf(entry -> {
                    boolean expired = now - entry.getValue().detachedAtMs() > settings.cursorRetentionMs();
                    if (expired) {
                        LOG.info("Forgetting the cursor of collector '{}', detached for longer than {} ms",
                                entry.getKey(), settings.cursorRetentionMs());
                        cursors.delete(entry.getKey());
                    }
                    return expired;
                });
                for (CursorStore.Cursor cursor : retained.values()) {
                    lowest = Math.min(lowest, cursor.position().offset());
                }
            }
            for (CollectorDispatcher dispatcher : dispatchers) {
                lowest = Math.min(lowest, dispatcher.committed().offset());
            }
            if (lowest != Long.MAX_VALUE) {
                // with no collector and no kept cursor at all, segments stay until the quota needs the room
                journal.deleteSegmentsBefore(lowest);
            }
        } catch (IOException | RuntimeException e) {
            LOG.error("Journal retention failed; retrying in a second", e);
        }
    }

    private void logStatus() {
        for (CollectorDispatcher dispatcher : dispatchers) {
            LOG.info("Collector '{}' ({}): {}, lag {} events ({} s), delivered {}, failed attempts {}, dropped {}{}",
                    dispatcher.name(), dispatcher.version(), dispatcher.state(), dispatcher.lagEvents(),
                    dispatcher.lagSeconds(), dispatcher.deliveredCount(), dispatcher.failedAttemptCount(),
                    dispatcher.droppedCount(),
                    dispatcher.state() == CollectorDispatcher.State.FAILING ? ", last error: " + dispatcher.lastError()
                            : "");
        }
    }

    private CollectorDispatcher remove(EventCollector collector) {
        synchronized (this) {
            CollectorDispatcher[] current = dispatchers;
            for (int i = 0; i < current.length; i++) {
                if (current[i].collector() == collector) {
                    CollectorDispatcher removed = current[i];
                    CollectorDispatcher[] next = new CollectorDispatcher[current.length - 1];
                    System.arraycopy(current, 0, next, 0, i);
                    System.arraycopy(current, i + 1, next, i, current.length - i - 1);
                    dispatchers = next;
                    return removed;
                }
            }
            return null;
        }
    }

    /** A position inside what the journal holds: before its start means the start, past its end the end. */
    private JournalPosition within(JournalPosition position) {
        JournalPosition start = journal.start();
        JournalPosition end = journal.end();
        if (position.offset() < start.offset()) {
            return start;
        }
        return position.offset() > end.offset() ? end : position;
    }
}

package io.tracker.processing.internal.journal;

import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Forces the active segment to disk from one thread, so that no append ever pays for an fsync of its
 * own. With {@code INTERVAL} it forces every interval when something was appended; with {@code ALWAYS}
 * appenders wait until a force covers their offset, and all appends that arrive during one force share
 * the next (group commit).
 */
final class JournalSync {

    interface Force {
        void force() throws IOException;
    }

    private static final Logger LOG = LoggerFactory.getLogger(JournalSync.class);

    private final Force force;
    private final JournalSettings.FsyncPolicy policy;
    private final long intervalMs;
    private final Thread thread;
    private volatile long appended = -1;  // written under the journal's lock, read by the sync thread
    private long synced = -1;             // guarded by this
    private boolean closed;      // guarded by this
    private boolean wakeRequested; // guarded by this

    JournalSync(Force force, JournalSettings.FsyncPolicy policy, long intervalMs) {
        this.force = force;
        this.policy = policy;
        this.intervalMs = intervalMs;
        this.thread = new Thread(this::run, "tracker-journal-sync");
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /** Records an append; called in append order (under the journal's lock), so offsets only grow. */
    void appended(long offset) {
        appended = offset;
        if (policy == JournalSettings.FsyncPolicy.ALWAYS) {
            synchronized (this) {
                notifyAll();
            }
        }
    }

    /** With {@code ALWAYS}, returns only once {@code offset} is on disk (or fails if the journal closes first). */
    void awaitDurable(long offset) throws IOException {
        if (policy != JournalSettings.FsyncPolicy.ALWAYS) {
            return;
        }
        synchronized (this) {
            boolean interrupted = false;
            while (synced < offset && !closed) {
                try {
                    wait();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
            if (synced < offset) {
                throw new IOException("journal closed before offset " + offset + " reached the disk");
            }
        }
    }

    /** Runs a force soon, whatever the policy and interval (a rolled segment waits to be closed). */
    void wake() {
        synchronized (this) {
            wakeRequested = true;
            notifyAll();
        }
    }

    /** @return whether the sync thread has ended (false: it is still inside a force after 5 s) */
    boolean close() {
        synchronized (this) {
            closed = true;
            notifyAll();
        }
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return !thread.isAlive();
    }

    private void run() {
        while (true) {
            long target;
            synchronized (this) {
                try {
                    if (policy == JournalSettings.FsyncPolicy.ALWAYS) {
                        while (appended <= synced && !closed && !wakeRequested) {
                            wait();
                        }
                    } else if (!closed && !wakeRequested) {
                        wait(intervalMs);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                if (closed) {
                    return; // Journal.close forces the last records itself
                }
                boolean woken = wakeRequested;
                wakeRequested = false;
                target = appended;
                if (target <= synced && !woken) {
                    continue;
                }
            }
            try {
                force.force();
            } catch (IOException | RuntimeException e) {
                LOG.error("Journal fsync failed; retrying", e);
                continue;
            }
            synchronized (this) {
                synced = Math.max(synced, target);
                notifyAll();
            }
        }
    }
}

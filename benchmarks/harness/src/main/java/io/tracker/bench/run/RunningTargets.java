package io.tracker.bench.run;

import io.tracker.bench.run.targets.Target;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Everything the run started, so that it is stopped however the run ends: normally, on a failure, or on
 * Ctrl-C (the shutdown hook). The tracker matters most: started by {@code bin/tracker start}, it is no
 * child of the harness and would outlive it. Shared by the run's thread and the shutdown hook.
 */
final class RunningTargets {

    private final Deque<Target> running = new ArrayDeque<>();
    private boolean closed;

    /** Registers a target that has a process; stops it at once when the run is already being stopped. */
    synchronized void add(Target target) {
        if (closed) {
            target.close();
            throw new IllegalStateException("the benchmark is stopping; " + target.name() + " stopped again");
        }
        running.push(target);
    }

    /** True once stopAll() began: the run was interrupted (Ctrl-C) or is over. */
    synchronized boolean stopping() {
        return closed;
    }

    /** Stops one target (at the end of its measurements). */
    void stop(Target target) {
        synchronized (this) {
            running.remove(target);
        }
        target.close();
    }

    /** Stops every target still running, then any process this JVM started that is still alive (wrk). */
    synchronized void stopAll() {
        closed = true;
        while (!running.isEmpty()) {
            Target target = running.pop();
            try {
                target.close();
            } catch (RuntimeException e) {
                System.err.println("could not stop " + target.name() + ": " + e);
            }
        }
        ProcessHandle.current().descendants().forEach(ProcessHandle::destroy);
    }
}

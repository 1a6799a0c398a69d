package io.tracker.processing.internal.dispatch;

import java.util.Arrays;
import java.util.Optional;

/** Finds a dispatcher's thread by its name to see what it is doing. */
final class DispatcherThreads {

    private DispatcherThreads() {
    }

    static Optional<Thread> of(String collectorName) {
        String name = "tracker-dispatch-" + collectorName;
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals(name)).findFirst();
    }

    /** Whether the thread is waiting (with a timeout) inside {@code className.method}. */
    static boolean isTimedWaitingIn(Thread thread, String className, String method) {
        Thread.State before = thread.getState();
        StackTraceElement[] stack = thread.getStackTrace();
        return before == Thread.State.TIMED_WAITING && thread.getState() == Thread.State.TIMED_WAITING
                && Arrays.stream(stack)
                .anyMatch(frame -> frame.getClassName().endsWith(className) && frame.getMethodName().equals(method));
    }
}

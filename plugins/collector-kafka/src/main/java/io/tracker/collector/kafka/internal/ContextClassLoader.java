package io.tracker.collector.kafka.internal;

import java.util.function.Supplier;

/**
 * Runs code with this bundle's class loader as the thread context class loader. Kafka loads classes named in
 * its configuration (metric reporters, interceptors, partitioners, config providers) through the context class
 * loader; in OSGi the calling thread's one (SCR's, the dispatcher's) cannot see the embedded kafka-clients,
 * or sees another copy. The producer's network thread inherits the loader it was created under.
 */
final class ContextClassLoader {

    private ContextClassLoader() {
    }

    static <T> T withBundleLoader(Supplier<T> action) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(ContextClassLoader.class.getClassLoader());
        try {
            return action.get();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}

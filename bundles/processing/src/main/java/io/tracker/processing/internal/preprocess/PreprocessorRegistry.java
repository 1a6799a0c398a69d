package io.tracker.processing.internal.preprocess;

import io.tracker.api.EventPreprocessor;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The preprocessors currently registered, by name, and the chains event types ask for.
 *
 * <p>Request threads resolve a chain from an immutable snapshot (a volatile field, no locks), once per
 * event, so a chain swaps atomically between two events. A snapshot keeps the chains resolved from it,
 * so a hit's {@link #has} and {@link #chain} cost one lookup each and allocate nothing. While a preprocessor is being upgraded (its
 * service leaves, then its new version arrives) a request waits up to {@code waitMs} for it rather than
 * skip it: an event never passes without a step its type requires. A name never registered fails at
 * once: that is a configuration error, not an upgrade.
 */
public final class PreprocessorRegistry {

    private static final Logger LOG = LoggerFactory.getLogger(PreprocessorRegistry.class);
    private static final EventPreprocessor[] NONE = new EventPreprocessor[0];

    private final long waitMs;
    private volatile Snapshot current = new Snapshot(Map.of());
    /** Names that were registered at some time: their absence is an upgrade in progress. Guarded by this. */
    private final Set<String> known = new HashSet<>();

    public PreprocessorRegistry(long waitMs) {
        this.waitMs = waitMs;
    }

    public synchronized void add(String name, EventPreprocessor preprocessor) {
        Map<String, EventPreprocessor> next = new HashMap<>(current.byName());
        EventPreprocessor previous = next.put(name, preprocessor);
        if (previous != null && previous != preprocessor) {
            LOG.warn("Preprocessor '{}' registered twice; the newest registration is used", name);
        }
        current = new Snapshot(Map.copyOf(next));
        known.add(name);
        notifyAll();
        LOG.info("Preprocessor '{}' available", name);
    }

    public synchronized void remove(String name, EventPreprocessor preprocessor) {
        if (current.byName().get(name) == preprocessor) {
            Map<String, EventPreprocessor> next = new HashMap<>(current.byName());
            next.remove(name);
            current = new Snapshot(Map.copyOf(next));
            LOG.info("Preprocessor '{}' withdrawn", name);
        }
    }

    /** Whether every preprocessor named is registered now, so that {@link #chain} would not wait. */
    public boolean has(List<String> names) {
        return names.isEmpty() || current.resolve(names) != null;
    }

    /**
     * The chain of preprocessors with these names, in order; shared, not to be changed.
     *
     * @throws MissingPreprocessorException if one is not registered, after waiting for it if it is being replaced
     */
    public EventPreprocessor[] chain(List<String> names) throws MissingPreprocessorException {
        if (names.isEmpty()) {
            return NONE;
        }
        EventPreprocessor[] chain = current.resolve(names);
        return chain != null ? chain : awaitChain(names);
    }

    private synchronized EventPreprocessor[] awaitChain(List<String> names) throws MissingPreprocessorException {
        long deadline = System.nanoTime() + waitMs * 1_000_000L;
        while (true) {
            String missing = null;
            for (String name : names) {
                if (!current.byName().containsKey(name)) {
                    if (!known.contains(name)) {
                        throw new MissingPreprocessorException(name, false); // never installed: no use waiting
                    }
                    missing = missing == null ? name : missing;
                }
            }
            if (missing == null) {
                return current.resolve(names);
            }
            long leftMs = (deadline - System.nanoTime()) / 1_000_000L;
            if (leftMs <= 0) {
                throw new MissingPreprocessorException(missing, true);
            }
            try {
                wait(leftMs);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new MissingPreprocessorException(missing, true);
            }
        }
    }

    /** The registered preprocessors, and the chains resolved from them; replaced whole at every change. */
    private record Snapshot(Map<String, EventPreprocessor> byName, Map<List<String>, EventPreprocessor[]> chains) {

        Snapshot(Map<String, EventPreprocessor> byName) {
            this(byName, new ConcurrentHashMap<>());
        }

        /** The chain of these names, or null while one of them is not registered. */
        EventPreprocessor[] resolve(List<String> names) {
            EventPreprocessor[] chain = chains.get(names);
            if (chain == null) {
                chain = new EventPreprocessor[names.size()];
                for (int i = 0; i < chain.length; i++) {
                    chain[i] = byName.get(names.get(i));
                    if (chain[i] == null) {
                        return null;
                    }
                }
                chains.put(List.copyOf(names), chain);
            }
            return chain;
        }
    }
}

package io.tracker.bench.run.targets;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** A started server under load: the tracker or a reference peer. */
public interface Target extends AutoCloseable {

    /** {@code tracker}, {@code nginx} or {@code jetty-peer}. */
    String name();

    /** Scheme, host and port the load is sent to, without a path: {@code http://127.0.0.1:41234}. */
    URI base();

    /** The processes whose CPU and memory count as the target's, now (nginx: master and workers). */
    List<Long> pids();

    /** The JVM's {@code -Xlog:gc} file, or null for a target that is not a JVM. */
    Path gcLog();

    /** Where the target's collector writes its events, for the delivery check; empty for the peers. */
    default Optional<Path> eventDirectory() {
        return Optional.empty();
    }

    /** Events acknowledged while checking that the target answers, before any load; none for the peers. */
    default long eventsAcknowledgedAtStart() {
        return 0;
    }

    /** Stops the target and waits until it is gone; does nothing the second time. */
    @Override
    void close();
}

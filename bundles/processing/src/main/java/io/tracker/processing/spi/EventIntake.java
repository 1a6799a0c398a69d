package io.tracker.processing.spi;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The entry into processing, registered as an OSGi service by the processing bundle.
 *
 * <p>Both methods are called on request threads, concurrently; they never block on a collector.
 */
@ProviderType
public interface EventIntake {

    /**
     * The event type served at a path, from the current configuration.
     *
     * @param path the request path, e.g. {@code /i}
     * @return the route, or {@code null} if no event type is configured at that path
     */
    Route route(String path);

    /**
     * Builds the event(s) of a hit, validates them, runs the type's preprocessors and journals them.
     * A JSON body holding an array becomes one event per element.
     *
     * @param route the route {@link #route(String)} returned for the hit
     * @param hit   the values of the request
     * @return what was accepted and what was rejected and why; a hit may be acknowledged as tracked
     *         unless the acceptance is {@link Acceptance#OVERLOADED}
     */
    Outcome accept(Route route, Hit hit);

    /**
     * Whether {@link #accept} may wait for a hit of this route right now: the journal forces each append
     * to disk before acknowledging it ({@code journal.fsync=always}), or one of the route's preprocessors
     * is being replaced. Everything else in {@code accept} only computes and writes to the page cache,
     * so a caller on a thread that must never block (an I/O thread) can run it there and hand only these
     * hits to a thread that may wait.
     */
    boolean mayWait(Route route);
}

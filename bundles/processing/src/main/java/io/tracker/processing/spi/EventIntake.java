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
     * Builds the event for a hit and hands it to every collector attached to its type.
     *
     * @param route the route {@link #route(String)} returned for the hit
     * @param hit   the values of the request
     * @return whether the event was accepted; only then may the hit be acknowledged as tracked
     */
    Acceptance accept(Route route, Hit hit);
}

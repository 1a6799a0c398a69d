package io.tracker.api;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Changes or drops an event before it reaches collectors: anonymise an IP, flag a bot, add a lookup.
 *
 * <p>Register an implementation as an OSGi service with the property
 * {@value PluginProperties#PREPROCESSOR_NAME}; event types list the preprocessors they use, in order.
 *
 * <p><b>Threading.</b> Called on request threads, concurrently: implementations must be thread-safe and
 * must not block (no network or disk I/O per event).
 *
 * <p><b>Failure.</b> An exception is logged and counted, and the event continues unchanged: a failing
 * enrichment never loses data. To drop an event on purpose, return {@code null}.
 */
@ConsumerType
public interface EventPreprocessor {

    /**
     * @param event the event so far
     * @return the event to pass on (the same or a changed copy), or {@code null} to drop it
     */
    Event process(Event event);
}

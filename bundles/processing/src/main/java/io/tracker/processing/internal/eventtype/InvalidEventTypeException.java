package io.tracker.processing.internal.eventtype;

/** A configuration that cannot become an event type; the message names the source, the key and why. */
public final class InvalidEventTypeException extends Exception {

    private static final long serialVersionUID = 1L;

    InvalidEventTypeException(String message) {
        super(message);
    }
}

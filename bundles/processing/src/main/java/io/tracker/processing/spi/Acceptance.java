package io.tracker.processing.spi;

/** The outcome of {@link EventIntake#accept(Route, Hit)}. */
public enum Acceptance {
    /** The event is in the hands of the tracker: acknowledge the hit. */
    ACCEPTED,
    /** A collector's backlog is full: nothing was taken, answer 503 so the client retries. */
    OVERLOADED
}

package io.tracker.processing.spi;

/** The overall outcome of {@link EventIntake#accept(Route, Hit)}. */
public enum Acceptance {
    /** Every event is in the hands of the tracker: acknowledge the hit. */
    ACCEPTED,
    /** Some events were taken, others failed validation (JSON batches). */
    PARTIAL,
    /**
     * Nothing valid: for a beacon hit (pixel, redirect, 204) an {@code invalid} event recording the reasons
     * was taken instead and the hit is answered as usual; an API call answers 400.
     */
    INVALID,
    /** The journal could not take it (quota, disk) or a preprocessor is missing: answer 503, the client retries. */
    OVERLOADED
}

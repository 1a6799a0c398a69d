package io.tracker.processing.spi;

/** What an event type answers a hit with. */
public enum ResponseKind {
    /** {@code 200} with a 43-byte transparent 1x1 GIF, not cacheable. */
    PIXEL,
    /** {@code 204} without a body. */
    NO_CONTENT,
    /** {@code 302} to the URL in the route's redirect parameter. */
    REDIRECT,
    /** A JSON document saying, per event, what was accepted and what was rejected and why. */
    JSON
}

package io.tracker.tools.configreference;

/**
 * A failure the user has to fix: an unreadable jar, a Metatype descriptor that does not parse, a PID
 * described twice. The message names the jar and the entry; no stack trace of its own is kept, so the
 * message is what a build log or terminal shows first.
 */
public final class ConfigReferenceException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ConfigReferenceException(String message) {
        super(message, null, false, false);
    }

    public ConfigReferenceException(String message, Throwable cause) {
        super(message, cause, false, false);
    }
}

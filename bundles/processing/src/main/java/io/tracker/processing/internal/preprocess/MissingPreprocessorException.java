package io.tracker.processing.internal.preprocess;

/** An event type needs a preprocessor that is not registered. */
public final class MissingPreprocessorException extends Exception {

    private static final long serialVersionUID = 1L;

    MissingPreprocessorException(String name, boolean wasRegistered) {
        super(wasRegistered
                ? "preprocessor '" + name + "' was withdrawn and did not come back in time"
                : "preprocessor '" + name + "' is not installed (no EventPreprocessor service with "
                        + "tracker.preprocessor.name=" + name + ")");
    }
}

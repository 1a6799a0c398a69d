package io.tracker.processing.internal.journal;

/** An append that would exceed the journal's quota while a collector with the reject policy holds its oldest data. */
public final class JournalFullException extends Exception {

    private static final long serialVersionUID = 1L;

    JournalFullException(String message) {
        super(message);
    }
}

package io.tracker.collector.banker.internal;

import java.io.IOException;

/** Banker answered a report with something other than 2xx; the batch is not delivered and will be retried. */
final class BankerException extends IOException {

    private static final long serialVersionUID = 1L;

    private final int status;

    BankerException(int status, String message) {
        super(message);
        this.status = status;
    }

    /** The HTTP status banker answered. */
    int status() {
        return status;
    }
}

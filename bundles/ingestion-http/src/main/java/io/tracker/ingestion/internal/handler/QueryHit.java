package io.tracker.ingestion.internal.handler;

import io.tracker.processing.spi.Hit;
import org.eclipse.jetty.util.Fields;

/** A hit read from the request's query string. */
final class QueryHit implements Hit {

    private final Fields query;

    QueryHit(Fields query) {
        this.query = query;
    }

    @Override
    public String queryParameter(String name) {
        return query.getValue(name);
    }
}

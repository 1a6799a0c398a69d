package io.tracker.processing.spi;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * The values of one HTTP request, as an ingestion bundle reads them. Used on the request thread only.
 */
@ConsumerType
public interface Hit {

    /**
     * @param name a query parameter name
     * @return its first value (empty if given without a value), or {@code null} if absent
     */
    String queryParameter(String name);
}

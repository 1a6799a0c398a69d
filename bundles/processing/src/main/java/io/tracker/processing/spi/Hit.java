package io.tracker.processing.spi;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * The values of one HTTP request, as an ingestion bundle reads them. Used on the request thread only.
 * Every getter returns null for what the request does not have.
 */
@ConsumerType
public interface Hit {

    /** The request method, upper case. */
    String method();

    /** The request path, e.g. {@code /v/start}. */
    String path();

    /** The raw query string without {@code ?}, for the record of an invalid hit; may be null. */
    String rawQuery();

    /** The first value of a query parameter (empty if given without a value). */
    String queryParameter(String name);

    /** The first value of a request header, by case-insensitive name. */
    String header(String name);

    /** The value of a cookie. */
    String cookie(String name);

    /** The client's address: the peer, or the forwarded client when the server trusts forwarding headers. */
    String clientIp();

    /** The tracker's user id for this hit (from its cookie), or null when none may be used (opt-out). */
    String userId();

    /** The request body, for POST; null when there is none. Already bounded by the ingestion's size limit. */
    byte[] body();
}

package io.tracker.processing.spi;

import java.util.Set;
import org.osgi.annotation.versioning.ProviderType;

/**
 * How one event type answers HTTP: where it listens and what it sends back. Immutable.
 */
@ProviderType
public interface Route {

    /** The event type name, e.g. {@code impression}. */
    String eventType();

    /** The configured path, e.g. {@code /i} or the template {@code /v/{event}}. */
    String path();

    /** The HTTP methods accepted, upper case, e.g. {@code GET}, {@code POST}. */
    Set<String> methods();

    /** What the hit is answered with. */
    ResponseKind response();

    /** For {@link ResponseKind#REDIRECT}: the query parameter holding the target URL. */
    String redirectParameter();

    /** For {@link ResponseKind#REDIRECT}: where to send the client when the target is missing or invalid; may be null. */
    String redirectFallback();

    /** Largest request body accepted, in bytes (JSON events and batches). */
    int maxBodyBytes();

    /** Most events a JSON array may hold. */
    int maxBatchEvents();
}

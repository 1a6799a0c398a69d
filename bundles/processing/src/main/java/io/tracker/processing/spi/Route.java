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

    /** The exact request path, e.g. {@code /i}. */
    String path();

    /** The HTTP methods accepted, upper case, e.g. {@code GET}, {@code POST}. */
    Set<String> methods();

    /** What the hit is answered with. */
    ResponseKind response();

    /** For {@link ResponseKind#REDIRECT}: the query parameter holding the target URL. */
    String redirectParameter();
}

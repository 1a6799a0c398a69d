package io.tracker.bench.load;

import java.net.URI;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.client.BytesRequestContent;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;

/**
 * A {@link Request} turned once into what each send reuses: the absolute URI, immutable header fields and the
 * body bytes, so that the sending thread only allocates the Jetty request itself.
 */
final class PreparedRequest {

    private final String method;
    private final URI uri;
    private final HttpFields headers;
    private final byte[] body;
    private final String contentType;
    private final int events;

    PreparedRequest(URI base, Request request) {
        String root = base.toString().endsWith("/") ? base.toString().substring(0, base.toString().length() - 1)
                : base.toString();
        String path = request.pathAndQuery().startsWith("/") ? request.pathAndQuery() : "/" + request.pathAndQuery();
        this.method = request.method();
        this.uri = URI.create(root + path);
        this.headers = toFields(request.headers());
        this.body = request.body() == null ? new byte[0] : request.body();
        this.contentType = headers.get(HttpHeader.CONTENT_TYPE) == null ? "application/octet-stream"
                : headers.get(HttpHeader.CONTENT_TYPE);
        this.events = request.events();
    }

    private static HttpFields toFields(Map<String, String> headers) {
        HttpFields.Mutable fields = HttpFields.build();
        if (headers != null) {
            headers.forEach(fields::put);
        }
        return fields.asImmutable();
    }

    /** A new Jetty request for one send; {@code put} so that our User-Agent replaces the client's default. */
    org.eclipse.jetty.client.Request newExchange(HttpClient client, long timeoutMs) {
        org.eclipse.jetty.client.Request exchange = client.newRequest(uri)
                .method(method)
                .followRedirects(false)
                .timeout(timeoutMs, TimeUnit.MILLISECONDS)
                .headers(mutable -> {
                    for (HttpField field : headers) {
                        mutable.put(field);
                    }
                });
        if (body.length > 0) {
            // The content object holds a read position, so it is made per send; the bytes are shared.
            exchange.body(new BytesRequestContent(contentType, body));
        }
        return exchange;
    }

    int events() {
        return events;
    }

    URI uri() {
        return uri;
    }
}

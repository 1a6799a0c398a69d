package io.tracker.ingestion.internal.handler;

import io.tracker.processing.spi.Hit;
import java.util.List;
import org.eclipse.jetty.http.HttpCookie;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.Fields;

/**
 * A hit read from a Jetty request. Query parameters and cookies are parsed on first use: most event
 * types read a few query parameters only.
 */
final class RequestHit implements Hit {

    private final Request request;
    private final String userId;
    private final byte[] body;
    private Fields query;
    private List<HttpCookie> cookies;

    RequestHit(Request request, String userId, byte[] body) {
        this.request = request;
        this.userId = userId;
        this.body = body;
    }

    @Override
    public String method() {
        return request.getMethod();
    }

    @Override
    public String path() {
        return Request.getPathInContext(request);
    }

    @Override
    public String rawQuery() {
        return request.getHttpURI().getQuery();
    }

    @Override
    public String queryParameter(String name) {
        if (query == null) {
            query = Request.extractQueryParameters(request);
        }
        return query.getValue(name);
    }

    @Override
    public String header(String name) {
        return request.getHeaders().get(name);
    }

    @Override
    public String cookie(String name) {
        return cookie(request, name, this);
    }

    @Override
    public String clientIp() {
        return Request.getRemoteAddr(request);
    }

    @Override
    public String userId() {
        return userId;
    }

    @Override
    public byte[] body() {
        return body;
    }

    /** A cookie of a request, reusing a hit's parsed cookies when there is one. */
    static String cookie(Request request, String name, RequestHit parsed) {
        List<HttpCookie> all;
        if (parsed != null) {
            if (parsed.cookies == null) {
                parsed.cookies = Request.getCookies(request);
            }
            all = parsed.cookies;
        } else {
            all = Request.getCookies(request);
        }
        for (HttpCookie cookie : all) {
            if (cookie.getName().equals(name)) {
                return cookie.getValue();
            }
        }
        return null;
    }
}

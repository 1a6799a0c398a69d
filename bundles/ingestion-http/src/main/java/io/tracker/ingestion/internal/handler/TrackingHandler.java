package io.tracker.ingestion.internal.handler;

import io.tracker.processing.spi.Acceptance;
import io.tracker.processing.spi.EventIntake;
import io.tracker.processing.spi.Route;
import java.net.URI;
import java.net.URISyntaxException;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;

/**
 * Turns hits on configured event type paths into events and answers them: a pixel, 204 or a redirect.
 * A path no event type serves is not handled here, so the server answers 404.
 *
 * <p>Non-blocking: the event is handed to processing, which never waits on a collector, and the answer
 * is written at once. Runs on Jetty's request threads, concurrently.
 */
public final class TrackingHandler extends Handler.Abstract.NonBlocking {

    private final EventIntake intake;

    public TrackingHandler(EventIntake intake) {
        this.intake = intake;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        Route route = intake.route(Request.getPathInContext(request));
        if (route == null) {
            return false;
        }
        if (!route.methods().contains(request.getMethod())) {
            response.getHeaders().put(HttpHeader.ALLOW, String.join(", ", route.methods()));
            Response.writeError(request, response, callback, HttpStatus.METHOD_NOT_ALLOWED_405);
            return true;
        }
        Fields query = Request.extractQueryParameters(request);
        String redirectTarget = null;
        switch (route.response()) {
            case REDIRECT:
                redirectTarget = redirectTarget(query.getValue(route.redirectParameter()));
                if (redirectTarget == null) {
                    Response.writeError(request, response, callback, HttpStatus.BAD_REQUEST_400,
                            "query parameter '" + route.redirectParameter() + "' must be an absolute http(s) URL");
                    return true;
                }
                break;
            default:
                break;
        }
        if (intake.accept(route, new QueryHit(query)) == Acceptance.OVERLOADED) {
            response.getHeaders().put(HttpHeader.RETRY_AFTER, "1");
            Response.writeError(request, response, callback, HttpStatus.SERVICE_UNAVAILABLE_503);
            return true;
        }
        answer(route, redirectTarget, response, callback);
        return true;
    }

    private static void answer(Route route, String redirectTarget, Response response, Callback callback) {
        HttpFields.Mutable headers = response.getHeaders();
        headers.put(HttpHeader.CACHE_CONTROL, "no-store");
        switch (route.response()) {
            case PIXEL:
                response.setStatus(HttpStatus.OK_200);
                headers.put(HttpHeader.CONTENT_TYPE, Pixel.CONTENT_TYPE);
                headers.put(HttpHeader.CONTENT_LENGTH, Pixel.LENGTH);
                response.write(true, Pixel.buffer(), callback);
                break;
            case REDIRECT:
                response.setStatus(HttpStatus.FOUND_302);
                headers.put(HttpHeader.LOCATION, redirectTarget);
                headers.put(HttpHeader.CONTENT_LENGTH, 0);
                response.write(true, null, callback);
                break;
            case NO_CONTENT:
            default:
                response.setStatus(HttpStatus.NO_CONTENT_204);
                response.write(true, null, callback);
                break;
        }
    }

    /** The target if it is an absolute http or https URL, else null. Open-redirect rules come later. */
    private static String redirectTarget(String url) {
        if (url == null || url.isEmpty()) {
            return null;
        }
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme();
            boolean web = "http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme);
            return web && uri.getHost() != null ? uri.toASCIIString() : null;
        } catch (URISyntaxException e) {
            return null;
        }
    }
}

package io.tracker.ingestion.internal.handler;

import io.tracker.ingestion.internal.identity.Identity;
import io.tracker.processing.spi.Acceptance;
import io.tracker.processing.spi.EventIntake;
import io.tracker.processing.spi.Outcome;
import io.tracker.processing.spi.ResponseKind;
import io.tracker.processing.spi.Route;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Turns hits on configured event type paths into events and answers them: a pixel, 204, a redirect, or
 * for API calls a JSON account of what was accepted. A path no event type serves is not handled here, so
 * the server answers 404.
 *
 * <p>A beacon hit (pixel, 204, redirect) is answered as usual even when it fails validation: the
 * publisher's page never breaks, and the hit is recorded as an {@code invalid} event. Only when the
 * tracker cannot take the event at all does it answer 503 with {@code Retry-After}.
 *
 * <p>Declared non-blocking, so Jetty runs it on the I/O thread that parsed the request, without
 * handing the request to another thread: for a beacon, building the event and appending it to the journal
 * only computes and writes to the page cache. What may wait is handed to the server's thread pool:
 * reading a JSON body, and any hit while {@link EventIntake#mayWait} (fsync per append, or a
 * preprocessor being replaced). See decision 11.
 */
public final class TrackingHandler extends Handler.Abstract.NonBlocking {

    private static final String RETRY_AFTER_SECONDS = "1";

    private final EventIntake intake;
    private final Identity identity;

    public TrackingHandler(EventIntake intake, Identity identity) {
        this.intake = intake;
        this.identity = identity;
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
        if (route.response() == ResponseKind.JSON || intake.mayWait(route)) {
            request.getComponents().getExecutor().execute(() -> handleMayWait(route, request, response, callback));
            return true;
        }
        track(route, request, null, response, callback);
        return true;
    }

    /** On a pool thread: reads the JSON body if there is one, then tracks the hit. */
    private void handleMayWait(Route route, Request request, Response response, Callback callback) {
        try {
            byte[] body = null;
            if (route.response() == ResponseKind.JSON) {
                String problem = checkJsonRequest(request, route);
                if (problem != null) {
                    int status = problem.startsWith("415") ? HttpStatus.UNSUPPORTED_MEDIA_TYPE_415
                            : HttpStatus.PAYLOAD_TOO_LARGE_413;
                    json(response, callback, status, JsonAnswer.error(problem.substring(4)));
                    return;
                }
                body = readBody(request, route.maxBodyBytes());
                if (body == null) {
                    json(response, callback, HttpStatus.PAYLOAD_TOO_LARGE_413,
                            JsonAnswer.error("the body is larger than " + route.maxBodyBytes() + " bytes"));
                    return;
                }
            }
            track(route, request, body, response, callback);
        } catch (Throwable e) {
            callback.failed(e); // Jetty answers 500 (or aborts the connection if the answer has started)
        }
    }

    private void track(Route route, Request request, byte[] body, Response response, Callback callback) {
        Identity.Resolved user = identity.resolve(name -> RequestHit.cookie(request, name, null),
                name -> request.getHeaders().get(name));
        RequestHit hit = new RequestHit(request, user.userId(), body);
        Outcome outcome = intake.accept(route, hit);
        if (user.setCookie() != null && outcome.acceptance() != Acceptance.OVERLOADED) {
            response.getHeaders().add(HttpHeader.SET_COOKIE, user.setCookie());
        }
        answer(request, hit, route, outcome, response, callback);
    }

    private static void answer(Request request, RequestHit hit, Route route, Outcome outcome, Response response,
                               Callback callback) {
        HttpFields.Mutable headers = response.getHeaders();
        headers.put(HttpHeader.CACHE_CONTROL, "no-store");
        if (route.response() == ResponseKind.JSON) {
            int status = switch (outcome.acceptance()) {
                case ACCEPTED, PARTIAL -> HttpStatus.OK_200;
                case INVALID -> HttpStatus.BAD_REQUEST_400;
                case OVERLOADED -> HttpStatus.SERVICE_UNAVAILABLE_503;
            };
            if (status == HttpStatus.SERVICE_UNAVAILABLE_503) {
                headers.put(HttpHeader.RETRY_AFTER, RETRY_AFTER_SECONDS);
            }
            json(response, callback, status, outcome.items().isEmpty() && outcome.acceptance() == Acceptance.OVERLOADED
                    ? JsonAnswer.error("the tracker is overloaded; retry") : JsonAnswer.of(outcome));
            return;
        }
        if (outcome.acceptance() == Acceptance.OVERLOADED) {
            headers.put(HttpHeader.RETRY_AFTER, RETRY_AFTER_SECONDS);
            Response.writeError(request, response, callback, HttpStatus.SERVICE_UNAVAILABLE_503);
            return;
        }
        switch (route.response()) {
            case PIXEL:
                response.setStatus(HttpStatus.OK_200);
                headers.put(HttpHeader.CONTENT_TYPE, Pixel.CONTENT_TYPE);
                headers.put(HttpHeader.CONTENT_LENGTH, Pixel.LENGTH);
                response.write(true, Pixel.buffer(), callback);
                break;
            case REDIRECT:
                redirect(request, hit, route, outcome, response, callback);
                break;
            case NO_CONTENT:
            default:
                response.setStatus(HttpStatus.NO_CONTENT_204);
                response.write(true, null, callback);
                break;
        }
    }

    /**
     * To the target when the click was valid (processing checked the target); to the configured fallback
     * when it was not; 400 when there is no fallback, because there is nowhere to send the browser.
     */
    private static void redirect(Request request, RequestHit hit, Route route, Outcome outcome, Response response,
                                 Callback callback) {
        String location = outcome.acceptance() == Acceptance.ACCEPTED
                ? hit.queryParameter(route.redirectParameter()) // the query the intake already parsed
                : route.redirectFallback();
        if (location == null) {
            Response.writeError(request, response, callback, HttpStatus.BAD_REQUEST_400,
                    String.join("; ", outcome.items().get(0).errors()));
            return;
        }
        response.setStatus(HttpStatus.FOUND_302);
        response.getHeaders().put(HttpHeader.LOCATION, location);
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, 0);
        response.write(true, null, callback);
    }

    /** "415 ..." or "413 ..." when the request cannot be a JSON event, else null. */
    private static String checkJsonRequest(Request request, Route route) {
        String contentType = request.getHeaders().get(HttpHeader.CONTENT_TYPE);
        if (contentType == null || !contentType.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
            return "415 send the events as Content-Type: application/json";
        }
        long declared = request.getLength();
        if (declared > route.maxBodyBytes()) {
            return "413 the body is larger than " + route.maxBodyBytes() + " bytes";
        }
        return null;
    }

    /** The body, or null if it is longer than {@code maxBytes} (checked while reading: lengths can lie). */
    private static byte[] readBody(Request request, int maxBytes) throws IOException {
        try (InputStream in = Content.Source.asInputStream(request)) {
            byte[] body = in.readNBytes(maxBytes + 1);
            return body.length > maxBytes ? null : body;
        }
    }

    private static void json(Response response, Callback callback, int status, byte[] body) {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        response.write(true, ByteBuffer.wrap(body), callback);
    }
}

package io.tracker.ingestion.internal.handler;

import io.tracker.ingestion.internal.identity.Identity;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The opt-out endpoint: {@code GET /optout} sets the opt-out cookie and removes the user id cookie, so
 * this browser is never identified again; {@code GET /optout?undo=true} removes the opt-out.
 */
public final class OptOutHandler extends Handler.Abstract.NonBlocking {

    private final Identity identity;

    public OptOutHandler(Identity identity) {
        this.identity = identity;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        if (!Request.getPathInContext(request).equals(identity.settings().optOutPath())) {
            return false;
        }
        if (!"GET".equals(request.getMethod())) {
            response.getHeaders().put(HttpHeader.ALLOW, "GET");
            Response.writeError(request, response, callback, HttpStatus.METHOD_NOT_ALLOWED_405);
            return true;
        }
        boolean undo = "true".equals(Request.extractQueryParameters(request).getValue("undo"));
        for (String cookie : identity.optOutCookies(undo)) {
            response.getHeaders().add(HttpHeader.SET_COOKIE, cookie);
        }
        byte[] text = (undo ? "Opt-out removed.\n" : "You are opted out: this browser is no longer identified.\n")
                .getBytes(StandardCharsets.UTF_8);
        response.setStatus(HttpStatus.OK_200);
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain; charset=utf-8");
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, text.length);
        response.write(true, ByteBuffer.wrap(text), callback);
        return true;
    }
}

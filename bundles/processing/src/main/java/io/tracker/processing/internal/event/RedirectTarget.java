package io.tracker.processing.internal.event;

import java.net.URI;
import java.net.URISyntaxException;

/** What a click may redirect to: an absolute http or https URL with a host. Open-redirect rules come later. */
final class RedirectTarget {

    private RedirectTarget() {
    }

    static boolean valid(String url) {
        if (url == null || url.isEmpty()) {
            return false;
        }
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme();
            return ("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme)) && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}

package io.tracker.processing.internal.eventtype;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.regex.Pattern;

/**
 * Where a value of an event comes from, as written in configuration:
 * {@code query:<param>}, {@code header:<name>}, {@code cookie:<name>}, {@code path:<var>},
 * {@code json:<pointer>}, {@code client.ip}, {@code user-agent}, {@code referer}, {@code user.id},
 * {@code const:<value>}. Parsed once, when the configuration is applied; reading is a plain look-up.
 */
@FunctionalInterface
public interface ValueSource {

    /** The raw value, or null when the request does not have it. */
    String read(HitContext context);

    /** The kinds a source may be, for error messages. */
    String KINDS = "query:<param>, header:<name>, cookie:<name>, path:<var>, json:<pointer>, client.ip, "
            + "user-agent, referer, user.id or const:<value>";

    /**
     * @throws IllegalArgumentException with a message saying what is expected
     */
    static ValueSource parse(String spec, java.util.Set<String> pathVariables) {
        String text = spec == null ? "" : spec.trim();
        int colon = text.indexOf(':');
        String kind = colon < 0 ? text : text.substring(0, colon);
        String argument = colon < 0 ? "" : text.substring(colon + 1).trim();
        switch (kind) {
            case "query":
                return named(argument, "query:<param>", c -> c.hit().queryParameter(argument));
            case "header":
                return named(argument, "header:<name>", c -> c.hit().header(argument));
            case "cookie":
                return named(argument, "cookie:<name>", c -> c.hit().cookie(argument));
            case "path":
                if (!pathVariables.contains(argument)) {
                    throw new IllegalArgumentException("path:" + argument + " names no variable of the path (it has "
                            + pathVariables + ")");
                }
                return c -> c.pathVariables().get(argument);
            case "json":
                return json(argument);
            case "const":
                return c -> argument;
            case "client.ip":
                return c -> c.hit().clientIp();
            case "user-agent":
                return c -> c.hit().header("User-Agent");
            case "referer":
                return c -> c.hit().header("Referer");
            case "user.id":
                return c -> c.hit().userId();
            default:
                throw new IllegalArgumentException("unknown source '" + text + "', expected " + KINDS);
        }
    }

    private static ValueSource named(String name, String form, ValueSource source) {
        if (!Pattern.matches("[^\\s=&;,]{1,128}", name)) {
            throw new IllegalArgumentException("expected " + form + " with a name without spaces");
        }
        return source;
    }

    private static ValueSource json(String pointer) {
        JsonPointer compiled;
        String absolute = pointer.startsWith("/") ? pointer : "/" + pointer; // "order/id" reads as "/order/id"
        try {
            if (absolute.length() == 1) {
                throw new IllegalArgumentException("it names no member");
            }
            if (!Pattern.matches("(?:[^~]|~[01])*", absolute)) { // RFC 6901: '~' only as ~0 or ~1
                throw new IllegalArgumentException("'~' must be written ~0, and '/' in a name ~1");
            }
            compiled = JsonPointer.compile(absolute);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("json:<pointer> expects a JSON pointer such as /order/value: "
                    + e.getMessage());
        }
        return c -> {
            if (c.item() == null) {
                return null;
            }
            JsonNode node = c.item().at(compiled);
            if (node.isMissingNode() || node.isNull()) {
                return null;
            }
            return node.isValueNode() ? node.asText() : node.toString();
        };
    }
}

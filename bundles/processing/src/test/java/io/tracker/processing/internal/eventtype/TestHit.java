package io.tracker.processing.internal.eventtype;

import io.tracker.processing.spi.Hit;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * A hand-written {@link Hit} for tests: what a request holds, set value by value. Header names are
 * case-insensitive, as they are in HTTP; the raw query is built from the parameters unless set. Public
 * so that the event and intake tests use it too.
 */
public final class TestHit implements Hit {

    private String method = "GET";
    private String path = "/i";
    private String rawQuery;
    private final Map<String, String> query = new LinkedHashMap<>();
    private final Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    private final Map<String, String> cookies = new LinkedHashMap<>();
    private String clientIp;
    private String userId;
    private byte[] body;

    /** A GET of {@code path} without anything else. */
    public static TestHit get(String path) {
        TestHit hit = new TestHit();
        hit.path = path;
        return hit;
    }

    /** A POST of {@code path} with a JSON body (null for none). */
    public static TestHit post(String path, String json) {
        TestHit hit = get(path).method("POST");
        hit.body = json == null ? null : json.getBytes(StandardCharsets.UTF_8);
        return hit;
    }

    public TestHit method(String method) {
        this.method = method;
        return this;
    }

    public TestHit query(String name, String value) {
        query.put(name, value);
        return this;
    }

    /** Sets the raw query string as the request had it, instead of the one built from the parameters. */
    public TestHit rawQuery(String rawQuery) {
        this.rawQuery = rawQuery;
        return this;
    }

    public TestHit header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public TestHit cookie(String name, String value) {
        cookies.put(name, value);
        return this;
    }

    public TestHit clientIp(String clientIp) {
        this.clientIp = clientIp;
        return this;
    }

    public TestHit userId(String userId) {
        this.userId = userId;
        return this;
    }

    public TestHit body(byte[] body) {
        this.body = body;
        return this;
    }

    @Override
    public String method() {
        return method;
    }

    @Override
    public String path() {
        return path;
    }

    @Override
    public String rawQuery() {
        if (rawQuery != null || query.isEmpty()) {
            return rawQuery;
        }
        return query.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    @Override
    public String queryParameter(String name) {
        return query.get(name);
    }

    @Override
    public String header(String name) {
        return headers.get(name);
    }

    @Override
    public String cookie(String name) {
        return cookies.get(name);
    }

    @Override
    public String clientIp() {
        return clientIp;
    }

    @Override
    public String userId() {
        return userId;
    }

    @Override
    public byte[] body() {
        return body;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}

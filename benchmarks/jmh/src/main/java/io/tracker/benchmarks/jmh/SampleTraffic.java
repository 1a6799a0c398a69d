package io.tracker.benchmarks.jmh;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One typical request of each kind the benchmarks send: an impression pixel as a DSP's ad markup fires it
 * (campaign, line item, creative, publisher, site, placement, clearing price and currency; a browser's user
 * agent, a referer, a returning visitor's cookie) and a server-to-server conversion for the JSON API. The
 * raw HTTP text and the {@link PixelHit} are made from the same values, so every benchmark sees one request.
 */
public final class SampleTraffic {

    /** The query of the pixel, in the order an ad server writes it. */
    public static final Map<String, String> PIXEL_QUERY = pixelQuery();
    public static final String USER_AGENT = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 "
            + "(KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";
    public static final String REFERER = "https://news.publisher.example/sports/2026/11/28/match-report.html";
    public static final String CLIENT_IP = "203.0.113.57";
    /** A returning visitor's id, as the identity cookie {@code tid} carries it. */
    public static final String USER_ID = "Q2hyb21lVXNlcjEyMzQ1Ng";
    /** One element of a conversion batch for {@code POST /api/conversions}. */
    public static final String CONVERSION_JSON = "{\"id\":\"conv-0001-7f3a\",\"order\":\"A-18\",\"cid\":\"4711\","
            + "\"lid\":\"98321\",\"crid\":\"crid-555\",\"currency\":\"EUR\",\"user_id\":\"" + USER_ID + "\","
            + "\"time\":\"2026-11-28T10:15:30.123Z\",\"value\":99.50}";

    private SampleTraffic() {
    }

    public static String pixelRawQuery() {
        return PIXEL_QUERY.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    /** The pixel request as a browser sends it on a kept-alive HTTP/1.1 connection. */
    public static String pixelHttpRequest() {
        return "GET /i?" + pixelRawQuery() + " HTTP/1.1\r\n"
                + "Host: track.example\r\n"
                + "User-Agent: " + USER_AGENT + "\r\n"
                + "Accept: image/avif,image/webp,image/apng,image/*,*/*;q=0.8\r\n"
                + "Accept-Language: en-GB,en;q=0.9\r\n"
                + "Referer: " + REFERER + "\r\n"
                + "Cookie: tid=" + USER_ID + "\r\n"
                + "\r\n";
    }

    private static Map<String, String> pixelQuery() {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("cid", "4711");
        query.put("lid", "98321");
        query.put("crid", "crid-555");
        query.put("pub", "pub-1234");
        query.put("site", "news.publisher.example");
        query.put("plc", "sports-top-728x90");
        query.put("price", "1.2345");
        query.put("cur", "EUR");
        return Map.copyOf(query);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}

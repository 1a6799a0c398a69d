package io.tracker.benchmarks.jmh;

import io.tracker.processing.spi.Hit;
import java.util.Map;
import java.util.TreeMap;

/**
 * The {@link SampleTraffic} pixel as a {@link Hit} whose query and headers are already parsed into maps:
 * what the ingestion's {@code RequestHit} answers once Jetty has parsed the request, without Jetty. The
 * cost of Jetty's parsing is measured separately, through a real server.
 */
public final class PixelHit implements Hit {

    private final String rawQuery = SampleTraffic.pixelRawQuery();
    private final Map<String, String> query = SampleTraffic.PIXEL_QUERY;
    private final Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

    public PixelHit() {
        headers.put("User-Agent", SampleTraffic.USER_AGENT);
        headers.put("Referer", SampleTraffic.REFERER);
    }

    @Override
    public String method() {
        return "GET";
    }

    @Override
    public String path() {
        return "/i";
    }

    @Override
    public String rawQuery() {
        return rawQuery;
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
        return "tid".equals(name) ? SampleTraffic.USER_ID : null;
    }

    @Override
    public String clientIp() {
        return SampleTraffic.CLIENT_IP;
    }

    @Override
    public String userId() {
        return SampleTraffic.USER_ID;
    }

    @Override
    public byte[] body() {
        return null;
    }
}

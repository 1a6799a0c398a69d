package io.tracker.bench.run;

import io.tracker.bench.load.Request;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The scenarios, as the tracker's default event types (config/io.tracker.eventtype-*.cfg) expect them.
 * No request carries an event id ({@code eid}, JSON {@code id}): the dedup preprocessor would drop the
 * repeats and the delivery check would see them as lost.
 */
public final class Scenarios {

    public static final List<String> NAMES = List.of("pixel", "click", "conversion", "conversion-batch", "mix");

    /** The only scenario the peers run: they answer a GIF to anything. */
    public static final String PEER_SCENARIO = "pixel";

    static final int BATCH_SIZE = 50;

    // A browser's headers: without a User-Agent the bots preprocessor flags every hit as a bot.
    private static final Map<String, String> BROWSER = Map.of(
            "User-Agent", "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
                    + "Chrome/126.0.0.0 Safari/537.36",
            "Referer", "https://news.example/2026/11/28/markets-today",
            "Accept", "image/avif,image/webp,image/*,*/*;q=0.8",
            "Accept-Language", "en-GB,en;q=0.9");

    private static final Map<String, String> SERVER_JSON = Map.of(
            "Content-Type", "application/json",
            "User-Agent", "advertiser-backend/2.3 (+https://advertiser.example)");

    private static final String PLACEMENT = "cid=4711&lid=88&crid=120934&pub=pub-311&site=news.example&plc=top-banner";

    private Scenarios() {
    }

    public static Scenario named(String name) {
        return switch (name) {
            case "pixel" -> new Scenario(name, List.of(impression(1)));
            case "click" -> new Scenario(name, List.of(click(1)));
            case "conversion" -> new Scenario(name, List.of(conversion(1)));
            case "conversion-batch" -> new Scenario(name, List.of(conversionBatch()));
            case "mix" -> new Scenario(name, List.of(impression(80), click(10), video(5), conversion(5)));
            default -> throw new IllegalArgumentException("unknown scenario '" + name + "'; one of " + NAMES);
        };
    }

    static Request impression(int weight) {
        return get("/i?" + PLACEMENT + "&price=0.85&cur=USD", weight);
    }

    static Request click(int weight) {
        return get("/c?" + PLACEMENT + "&url=https%3A%2F%2Fadvertiser.example%2Flanding", weight);
    }

    static Request video(int weight) {
        return get("/v?e=start&" + PLACEMENT, weight);
    }

    static Request conversion(int weight) {
        return post(conversionJson(1), weight, 1);
    }

    static Request conversionBatch() {
        String array = IntStream.rangeClosed(1, BATCH_SIZE).mapToObj(Scenarios::conversionJson)
                .collect(Collectors.joining(",", "[", "]"));
        return post(array, 1, BATCH_SIZE);
    }

    private static String conversionJson(int n) {
        return "{\"order\":\"o-" + n + "\",\"cid\":\"4711\",\"lid\":\"88\",\"value\":12.5,\"currency\":\"EUR\"}";
    }

    private static Request get(String pathAndQuery, int weight) {
        return new Request("GET", pathAndQuery, BROWSER, new byte[0], weight, 1);
    }

    private static Request post(String json, int weight, int events) {
        return new Request("POST", "/api/conversions", SERVER_JSON, json.getBytes(StandardCharsets.UTF_8), weight,
                events);
    }
}

package io.tracker.bench.load;

import java.util.Map;

/**
 * One kind of request a scenario sends.
 *
 * @param method      HTTP method
 * @param pathAndQuery path with query string, e.g. {@code /i?cid=42}
 * @param headers     extra request headers (User-Agent, Referer, Content-Type...)
 * @param body        request body, empty for none
 * @param weight      relative share of this request in a mix (1 for a single-request scenario)
 * @param events      events one acknowledged request of this kind produces (50 for a 50-event batch)
 */
public record Request(String method, String pathAndQuery, Map<String, String> headers, byte[] body, int weight,
                      int events) {
}

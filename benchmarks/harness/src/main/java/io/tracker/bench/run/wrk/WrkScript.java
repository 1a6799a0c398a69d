package io.tracker.bench.run.wrk;

import io.tracker.bench.load.Request;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes the wrk Lua script of a scenario: the template {@code scenario.lua} with the scenario's
 * requests in a rotation where each request kind appears as often as its weight says, spread out (80/10/5/5
 * becomes 20 requests, the 16 pixels interleaved with the rest) so every second of the run sees the mix.
 */
public final class WrkScript {

    private static final String PLACEHOLDER = "-- @REQUESTS@";

    private WrkScript() {
    }

    public static Path write(List<Request> requests, Path file) throws IOException {
        StringBuilder table = new StringBuilder();
        for (Request request : rotation(requests)) {
            table.append("   ").append(luaTable(request)).append(",\n");
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, template().replace(PLACEHOLDER, table.toString().stripTrailing()));
        return file;
    }

    /**
     * The request kinds repeated by their weights (divided by their greatest common divisor), ordered by
     * smooth weighted round robin: each turn goes to the kind with the most accumulated credit.
     */
    static List<Request> rotation(List<Request> requests) {
        int divisor = 0;
        for (Request request : requests) {
            if (request.weight() <= 0) {
                throw new IllegalArgumentException("weight must be positive: " + request.pathAndQuery());
            }
            divisor = gcd(divisor, request.weight());
        }
        int[] weights = new int[requests.size()];
        int total = 0;
        for (int i = 0; i < weights.length; i++) {
            weights[i] = requests.get(i).weight() / divisor;
            total += weights[i];
        }
        int[] credit = new int[weights.length];
        List<Request> rotation = new ArrayList<>(total);
        for (int turn = 0; turn < total; turn++) {
            int best = 0;
            for (int i = 0; i < weights.length; i++) {
                credit[i] += weights[i];
                if (credit[i] > credit[best]) {
                    best = i;
                }
            }
            credit[best] -= total;
            rotation.add(requests.get(best));
        }
        return rotation;
    }

    private static String luaTable(Request request) {
        StringBuilder headers = new StringBuilder("{");
        for (Map.Entry<String, String> header : request.headers().entrySet()) {
            headers.append("[").append(luaString(header.getKey())).append("] = ")
                    .append(luaString(header.getValue())).append(", ");
        }
        headers.append("}");
        String body = request.body().length == 0 ? "nil"
                : luaString(new String(request.body(), StandardCharsets.UTF_8));
        return "{ method = " + luaString(request.method()) + ", path = " + luaString(request.pathAndQuery())
                + ", headers = " + headers + ", body = " + body + " }";
    }

    /** A Lua string literal; anything but printable ASCII is written as a decimal byte escape. */
    static String luaString(String value) {
        StringBuilder literal = new StringBuilder("\"");
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c == '"' || c == '\\') {
                literal.append('\\').append((char) c);
            } else if (c >= 0x20 && c < 0x7f) {
                literal.append((char) c);
            } else {
                literal.append('\\').append(String.format("%03d", c));
            }
        }
        return literal.append('"').toString();
    }

    private static int gcd(int a, int b) {
        return b == 0 ? a : gcd(b, a % b);
    }

    private static String template() {
        try (InputStream in = WrkScript.class.getResourceAsStream("scenario.lua")) {
            if (in == null) {
                throw new IllegalStateException("scenario.lua missing from the harness jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package io.tracker.collector.banker.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * A real banker for the tests: the JDK's HTTP server on 127.0.0.1, serving {@code POST /v1/spend} exactly as
 * docs/banker-api.yaml says. Every request body is validated against the document's {@code SpendReport}
 * schema and rules and every answer against {@code SpendResult} or {@code Error}; the idempotency and
 * per-event rules are the {@link BankerLedger}'s.
 *
 * <p>Faults for the tests: {@link #goDown()} (503 until {@link #comeUp()}), {@link #stop()} (a closed port),
 * {@link #reopen()}, {@link #restart()} (ledger saved, server gone, ledger loaded, same port), {@link #answerWith(int)} (a forced
 * status, nothing applied), {@link #applyThenAnswer(int)} (applied, but the answer says otherwise: a lost
 * answer) and {@link #holdAnswers()} (applied, the answer held until {@link #releaseAnswers()}).
 */
final class TestBanker implements AutoCloseable {

    static final String PATH = "/v1/spend";

    static {
        // the JDK server writes headers and body apart; with Nagle's algorithm each answer waits for a delayed ACK
        // (about 40 ms on Linux). Read once, when the first server is created.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }
    private static final long MAX_BODY_BYTES = 32L * 1024 * 1024;
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

    /** One request as banker saw it, for assertions on the conversation. */
    record Request(String idempotencyKey, int status, JsonNode body, JsonNode answer) {
        boolean replayed() {
            return answer != null && answer.path("replayed").asBoolean(false);
        }
    }

    private final Path stateDirectory;
    private final OpenApiDocument contract = OpenApiDocument.banker();
    private final Pattern keyPattern;
    private final List<Request> requests = new ArrayList<>();
    private final ExecutorService threads = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "test-banker");
        thread.setDaemon(true);
        return thread;
    });

    private BankerLedger ledger = new BankerLedger();
    private HttpServer server;
    private int port;
    private volatile boolean down;
    private volatile int forcedStatus;
    private volatile int statusAfterApplying;
    private volatile String requiredToken;
    private volatile CountDownLatch heldAnswers;

    private TestBanker(Path stateDirectory) throws IOException {
        this.stateDirectory = stateDirectory;
        this.keyPattern = Pattern.compile(contract.<String>at("components", "parameters", "IdempotencyKey", "schema",
                "pattern"));
        listen(0);
    }

    /** @param stateDirectory where {@link #restart()} keeps the ledger meanwhile */
    static TestBanker start(Path stateDirectory) throws IOException {
        return new TestBanker(stateDirectory);
    }

    /** The base URL, the collector's {@code banker.url}. */
    String url() {
        return "http://127.0.0.1:" + port;
    }

    URI endpoint() {
        return URI.create(url() + PATH);
    }

    synchronized BankerLedger ledger() {
        return ledger;
    }

    synchronized List<Request> requests() {
        return List.copyOf(requests);
    }

    void goDown() {
        down = true;
    }

    void comeUp() {
        down = false;
    }

    /** Answers every request with this status and applies nothing; 0 returns to normal. */
    void answerWith(int status) {
        forcedStatus = status;
    }

    /** Applies every request but answers it with this status, as a proxy that timed out would; 0: normal. */
    void applyThenAnswer(int status) {
        statusAfterApplying = status;
    }

    /** Applies every request, then holds its answer until {@link #releaseAnswers()}. */
    void holdAnswers() {
        heldAnswers = new CountDownLatch(1);
    }

    void releaseAnswers() {
        CountDownLatch held = heldAnswers;
        heldAnswers = null;
        if (held != null) {
            held.countDown();
        }
    }

    /** Requires {@code Authorization: Bearer <token>}; null for no authentication. */
    void requireToken(String token) {
        requiredToken = token;
    }

    /** Closes the port: connections are refused until {@link #restart()}. */
    synchronized void stop() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
    }

    /** Opens the port again after {@link #stop()}, as when a network partition heals; the ledger stays in memory. */
    synchronized void reopen() throws IOException {
        if (server == null) {
            listen(port);
        }
    }

    /** A banker restart: the ledger goes to disk, the server away, and both come back on the same port. */
    synchronized void restart() throws IOException {
        stop();
        Path file = stateDirectory.resolve("ledger.json");
        ledger.save(file);
        ledger = BankerLedger.load(file);
        listen(port);
    }

    @Override
    public void close() {
        releaseAnswers();
        stop();
        threads.shutdownNow();
    }

    private void listen(int wantedPort) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), wantedPort), 0);
        server.createContext("/", this::handle);
        server.setExecutor(threads);
        server.start();
        port = server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
        JsonNode body = null;
        BankerLedger.Answer answer;
        try (InputStream in = exchange.getRequestBody()) {
            byte[] bytes = in.readNBytes((int) MAX_BODY_BYTES + 1);
            answer = precheck(exchange, key, bytes.length);
            if (answer == null) {
                body = JSON.readTree(bytes);
                answer = validate(key, body);
            }
        } catch (IOException e) {
            answer = new BankerLedger.Answer(400, BankerLedger.error("invalid_request", "not JSON: " + e.getMessage()));
        }
        if (answer == null) {
            answer = ledger().apply(key, body);
            answer = afterApplying(answer);
        }
        respond(exchange, key, body, answer);
    }

    /** Steps 1 and 2 of the contract, and the forced faults that come before anything is applied. */
    private BankerLedger.Answer precheck(HttpExchange exchange, String key, int bodyBytes) {
        if (down) {
            return new BankerLedger.Answer(503, BankerLedger.error("unavailable", "banker is down for the test"));
        }
        if (forcedStatus != 0) {
            return new BankerLedger.Answer(forcedStatus, BankerLedger.error("forced", "status forced by the test"));
        }
        if (!exchange.getRequestURI().getPath().equals(PATH)) {
            return new BankerLedger.Answer(404, BankerLedger.error("not_found", exchange.getRequestURI().getPath()));
        }
        if (!exchange.getRequestMethod().equals("POST")) {
            return new BankerLedger.Answer(405, BankerLedger.error("method_not_allowed", exchange.getRequestMethod()));
        }
        String token = requiredToken;
        if (token != null && !("Bearer " + token).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            return new BankerLedger.Answer(401, BankerLedger.error("unauthorized", "a bearer token is required"));
        }
        String type = exchange.getRequestHeaders().getFirst("Content-Type");
        if (type == null || !type.toLowerCase().startsWith("application/json")) {
            return new BankerLedger.Answer(415, BankerLedger.error("unsupported_media_type", String.valueOf(type)));
        }
        if (bodyBytes > MAX_BODY_BYTES) {
            return new BankerLedger.Answer(413, BankerLedger.error("too_large", "more than " + MAX_BODY_BYTES));
        }
        return null;
    }

    /** Step 3: the key, the schema, the rules. */
    private BankerLedger.Answer validate(String key, JsonNode body) {
        if (key == null || !keyPattern.matcher(key).find()) {
            return new BankerLedger.Answer(400, BankerLedger.error("invalid_idempotency_key",
                    "Idempotency-Key '" + key + "' does not match " + keyPattern));
        }
        List<String> errors = contract.validate("SpendReport", body);
        if (errors.isEmpty()) {
            errors = BankerLedger.checkRules(body);
        }
        if (!errors.isEmpty()) {
            return new BankerLedger.Answer(400, BankerLedger.error("invalid_request", String.join("; ", errors)));
        }
        return null;
    }

    private BankerLedger.Answer afterApplying(BankerLedger.Answer answer) {
        CountDownLatch held = heldAnswers;
        if (held != null) {
            try {
                held.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        int status = statusAfterApplying;
        return status == 0 ? answer
                : new BankerLedger.Answer(status, BankerLedger.error("lost_answer", "applied, answer lost for the test"));
    }

    private void respond(HttpExchange exchange, String key, JsonNode body, BankerLedger.Answer answer)
            throws IOException {
        ObjectNode answerBody = answer.body();
        List<String> answerErrors = contract.validate(answer.status() / 100 == 2 ? "SpendResult" : "Error", answerBody);
        if (!answerErrors.isEmpty()) {
            throw new IllegalStateException("the test banker broke its own contract: " + answerErrors);
        }
        synchronized (this) {
            requests.add(new Request(key, answer.status(), body, answerBody));
        }
        if (answer.status() == 503 || answer.status() == 429) {
            exchange.getResponseHeaders().set("Retry-After", "1");
        }
        byte[] bytes = JSON.writeValueAsBytes(answerBody);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(answer.status(), bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}

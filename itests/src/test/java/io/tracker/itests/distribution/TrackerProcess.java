package io.tracker.itests.distribution;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Drives an unpacked tracker through {@code bin/tracker}, as an operator would, on a free port. */
public final class TrackerProcess {

    public record Result(int exitCode, String output, Duration took) {
    }

    private final Path home;
    private final int port;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    public TrackerProcess(Path home) throws IOException {
        this.home = home;
        try (ServerSocket socket = new ServerSocket(0)) {
            this.port = socket.getLocalPort();
        }
    }

    public Path home() {
        return home;
    }

    public int port() {
        return port;
    }

    public URI uri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + port + pathAndQuery);
    }

    /** Runs {@code bin/tracker <command>} to completion. */
    public Result command(String command) throws IOException, InterruptedException {
        long start = System.nanoTime();
        Process process = builder(List.of(home.resolve("bin/tracker").toString(), command))
                .redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("bin/tracker " + command + " did not return within 60 s");
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Result(process.exitValue(), output, Duration.ofNanos(System.nanoTime() - start));
    }

    /** Starts {@code bin/tracker run} in the foreground; stdin is a pipe the caller may close. */
    public Process run() throws IOException {
        return builder(List.of(home.resolve("bin/tracker").toString(), "run"))
                .redirectErrorStream(true)
                .redirectOutput(home.resolve("logs/run-output.log").toFile())
                .start();
    }

    public ProcessBuilder builder(List<String> command) {
        ProcessBuilder builder = new ProcessBuilder(command).directory(home.toFile());
        builder.environment().put("TRACKER_HTTP_PORT", Integer.toString(port));
        return builder;
    }

    /**
     * Waits until the HTTP server is up with the impression type loaded. Probes with HEAD, which /i does
     * not accept (405), so the probe itself creates no event.
     */
    public void awaitReady(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                HttpRequest head = HttpRequest.newBuilder(uri("/i")).method("HEAD", HttpRequest.BodyPublishers.noBody())
                        .timeout(Duration.ofSeconds(2)).build();
                if (http.send(head, HttpResponse.BodyHandlers.discarding()).statusCode() == 405) {
                    return;
                }
            } catch (IOException notYet) {
                // connection refused until Jetty listens
            }
            if (log().contains("Tracker failed to start") || log().contains("Tracker not started")) {
                throw new AssertionError("tracker failed to start; log:\n" + log());
            }
            Thread.sleep(100);
        }
        throw new AssertionError("tracker did not answer on port " + port + " within " + timeout + "; log:\n" + log());
    }

    public HttpResponse<byte[]> get(String pathAndQuery) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri(pathAndQuery)).GET().timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    public HttpResponse<byte[]> get(String pathAndQuery, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(pathAndQuery)).GET().timeout(Duration.ofSeconds(5));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    public HttpResponse<String> postJson(String path, String contentType, String body) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri(path)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<byte[]> post(String pathAndQuery) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri(pathAndQuery)).POST(HttpRequest.BodyPublishers.noBody())
                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** Waits until the tracker's log contains {@code text}, e.g. a collector attaching. */
    public void awaitLog(String text, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!log().contains(text)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no '" + text + "' in the log within " + timeout + ":\n" + log());
            }
            Thread.sleep(50);
        }
    }

    /** The pid the launcher wrote, while it runs. */
    public long pid() throws IOException {
        return Long.parseLong(Files.readString(home.resolve("data/tracker.pid")).trim());
    }

    public String log() {
        try {
            Path log = home.resolve("logs/tracker.log");
            return Files.exists(log) ? Files.readString(log) : "(no logs/tracker.log)";
        } catch (IOException e) {
            return "(cannot read log: " + e + ")";
        }
    }
}

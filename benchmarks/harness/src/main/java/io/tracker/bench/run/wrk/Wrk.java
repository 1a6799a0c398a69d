package io.tracker.bench.run.wrk;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs wrk (closed loop: each connection sends its next request when the previous answer arrived) with a
 * scenario script and reads the script's result line.
 *
 * @param threads     wrk threads
 * @param connections connections kept open, spread over the threads
 * @param timeout     wrk's per-request timeout; slower answers are counted as timeouts, not latencies
 */
public record Wrk(int threads, int connections, Duration timeout) {

    /** Slack over the run's length before a wrk that does not end is killed. */
    private static final Duration GRACE = Duration.ofSeconds(30);

    public Wrk {
        if (threads < 1 || connections < threads) {
            throw new IllegalArgumentException("wrk needs 1 <= threads <= connections, got " + threads + "/"
                    + connections);
        }
    }

    /** Runs for {@code duration} against {@code base}; the output is kept in {@code outputFile}. */
    public WrkResult run(URI base, Path script, Duration duration, Path outputFile) throws IOException,
            InterruptedException {
        List<String> command = List.of("wrk", "-t" + threads, "-c" + connections, "-d" + duration.toSeconds() + "s",
                "--latency", "--timeout", timeout.toSeconds() + "s", "-s", script.toString(), base.toString());
        Files.createDirectories(outputFile.toAbsolutePath().getParent());
        Process wrk = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(outputFile.toFile()).start();
        try {
            if (!wrk.waitFor(duration.plus(GRACE).toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IOException("wrk did not end within " + duration.plus(GRACE).toSeconds() + " s: "
                        + String.join(" ", command));
            }
        } finally {
            wrk.destroyForcibly();
        }
        String output = Files.readString(outputFile, StandardCharsets.UTF_8);
        if (wrk.exitValue() != 0) {
            throw new IOException("wrk exited with " + wrk.exitValue() + ": " + String.join(" ", command) + "\n"
                    + output);
        }
        return WrkOutput.parse(output);
    }
}

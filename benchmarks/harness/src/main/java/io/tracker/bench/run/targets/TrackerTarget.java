package io.tracker.bench.run.targets;

import io.tracker.bench.load.Request;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The real distribution with its default configuration (journal, log collector), copied fresh from
 * {@code distribution/target/tracker} and run with {@code bin/tracker start} / {@code stop} like an
 * operator would. Its JVM is not a child of the harness: it is found through the pid file.
 */
public final class TrackerTarget implements Target {

    static final String HEAP = "-Xms256m -Xmx256m";
    private static final Duration START_LIMIT = Duration.ofSeconds(60);

    private final Path home;
    private final URI base;
    private final long pid;
    private long probeEvents; // set once, before start() returns it
    private boolean closed;

    private TrackerTarget(Path home, URI base, long pid) {
        this.home = home;
        this.base = base;
        this.pid = pid;
    }

    /**
     * Copies the distribution to {@code home} (without its data/ and logs/) and starts it there on a free port.
     *
     * @param extraJavaOptions added to the JVM options after the heap and GC log ones (a profiler agent), or ""
     * @param probes           requests that must answer before the tracker counts as started
     * @param onStarted        told about the tracker as soon as its process exists, so it is stopped even
     *                         when it never becomes ready
     */
    public static TrackerTarget start(Path distribution, Path home, String extraJavaOptions, List<Request> probes,
                                      Consumer<Target> onStarted)
            throws IOException, InterruptedException {
        DirectoryCopy.replace(distribution, home, List.of("data", "logs"));
        Files.createDirectories(home.resolve("data"));
        Files.createDirectories(home.resolve("logs"));
        int port = FreePorts.pick();
        String javaOptions = (HEAP + " -Xlog:gc:file=" + home.resolve("gc.log") + " " + extraJavaOptions).trim();
        Path startLog = home.resolve("logs/bin-tracker-start.log");
        control(home, "start", Map.of("TRACKER_HTTP_PORT", Integer.toString(port), "TRACKER_JAVA_OPTS", javaOptions),
                startLog);
        long pid;
        try {
            pid = awaitPid(home);
        } catch (IOException e) {
            control(home, "stop", Map.of(), home.resolve("logs/bin-tracker-stop.log")); // it may start late
            throw e;
        }
        URI base = URI.create("http://127.0.0.1:" + port);
        TrackerTarget tracker = new TrackerTarget(home, base, pid);
        onStarted.accept(tracker);
        try {
            tracker.probeEvents = Readiness.await("tracker", base, probes, START_LIMIT, tracker::alive);
        } catch (IOException e) {
            throw new IOException(e.getMessage() + "; see " + home.resolve("logs"), e);
        }
        return tracker;
    }

    @Override
    public String name() {
        return "tracker";
    }

    @Override
    public URI base() {
        return base;
    }

    @Override
    public List<Long> pids() {
        return List.of(pid);
    }

    @Override
    public Path gcLog() {
        return home.resolve("gc.log");
    }

    @Override
    public Optional<Path> eventDirectory() {
        return Optional.of(home.resolve("data/events"));
    }

    @Override
    public long eventsAcknowledgedAtStart() {
        return probeEvents;
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            control(home, "stop", Map.of(), home.resolve("logs/bin-tracker-stop.log"));
        } catch (IOException e) {
            System.err.println("bin/tracker stop failed (" + e.getMessage() + "); killing pid " + pid);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
    }

    private boolean alive() {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    private static void control(Path home, String command, Map<String, String> environment, Path output)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(home.resolve("bin/tracker").toString(), command)
                .directory(home.toFile()).redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().putAll(environment);
        Process process = builder.start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException("bin/tracker " + command + " did not return within 60 s");
        }
        if (process.exitValue() != 0) {
            throw new IOException("bin/tracker " + command + " exited with " + process.exitValue() + ": "
                    + Files.readString(output, StandardCharsets.UTF_8).trim());
        }
    }

    /** bin/tracker start may return before the launcher wrote its pid file ("Tracker is starting"). */
    private static long awaitPid(Path home) throws IOException, InterruptedException {
        Path pidFile = home.resolve("data/tracker.pid");
        long deadline = System.nanoTime() + START_LIMIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.exists(pidFile)) {
                String digits = Files.readString(pidFile).replaceAll("[^0-9]", "");
                if (!digits.isEmpty()) {
                    return Long.parseLong(digits);
                }
            }
            Thread.sleep(100);
        }
        throw new IOException("the tracker wrote no pid file (" + pidFile + ") within " + START_LIMIT.toSeconds()
                + " s; see " + home.resolve("logs"));
    }
}

package io.tracker.bench.run.targets;

import io.tracker.bench.load.Request;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * nginx as the native ceiling: two workers answering {@code empty_gif} and logging each hit as a JSON
 * line (configuration in {@code nginx.conf} next to this class). A child of the harness, in the
 * foreground ({@code daemon off}).
 */
public final class NginxTarget implements Target {

    private static final Duration START_LIMIT = Duration.ofSeconds(20);

    private final ChildProcess master;
    private final URI base;

    private NginxTarget(ChildProcess master, URI base) {
        this.master = master;
        this.base = base;
    }

    public static NginxTarget start(Path home, List<Request> probes, Consumer<Target> onStarted)
            throws IOException, InterruptedException {
        DirectoryCopy.delete(home);
        for (String folder : List.of("logs", "temp")) {
            Files.createDirectories(home.resolve(folder));
        }
        int port = FreePorts.pick();
        Path conf = home.resolve("nginx.conf");
        Files.writeString(conf, config(home.toAbsolutePath(), port));
        // no -e (nginx 1.19.5 and later): until it has read the configuration, nginx reports to its compiled-in
        // error log, and when that cannot be opened it says so on stderr (console.log) and goes on
        ChildProcess master = ChildProcess.start("nginx", List.of("nginx", "-p", home.toAbsolutePath() + "/",
                "-c", conf.toAbsolutePath().toString()), home.resolve("logs/console.log"));
        NginxTarget nginx = new NginxTarget(master, URI.create("http://127.0.0.1:" + port));
        onStarted.accept(nginx);
        Readiness.await("nginx", nginx.base, probes, START_LIMIT, master::alive);
        return nginx;
    }

    static String config(Path home, int port) throws IOException {
        try (InputStream in = NginxTarget.class.getResourceAsStream("nginx.conf")) {
            if (in == null) {
                throw new IOException("nginx.conf missing from the harness jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("@HOME@", home.toString())
                    .replace("@PORT@", Integer.toString(port));
        }
    }

    @Override
    public String name() {
        return "nginx";
    }

    @Override
    public URI base() {
        return base;
    }

    /** The master and its workers: the workers do the work, the master holds memory too. */
    @Override
    public List<Long> pids() {
        List<Long> pids = new ArrayList<>();
        pids.add(master.pid());
        master.children().forEach(child -> pids.add(child.pid()));
        return pids;
    }

    @Override
    public Path gcLog() {
        return null;
    }

    @Override
    public void close() {
        master.stop();
    }
}

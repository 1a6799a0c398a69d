package io.tracker.bench.run.targets;

import io.tracker.bench.load.Request;
import io.tracker.bench.peer.JettyPeer;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The JVM ceiling: {@link JettyPeer} in its own JVM, with the tracker's heap settings and GC log, so
 * that the two JVMs compare like for like.
 */
public final class JettyPeerTarget implements Target {

    private static final Duration START_LIMIT = Duration.ofSeconds(30);

    private final ChildProcess jvm;
    private final URI base;
    private final Path home;

    private JettyPeerTarget(ChildProcess jvm, URI base, Path home) {
        this.jvm = jvm;
        this.base = base;
        this.home = home;
    }

    /**
     * @param classPath        the harness jar and its libraries
     * @param extraJavaOptions added after the heap and GC log options (a profiler agent), or ""
     */
    public static JettyPeerTarget start(Path home, String classPath, String extraJavaOptions, List<Request> probes,
                                        Consumer<Target> onStarted) throws IOException, InterruptedException {
        DirectoryCopy.delete(home);
        int port = FreePorts.pick();
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java")); // the JVM running the harness
        command.addAll(List.of(TrackerTarget.HEAP.split(" ")));
        command.add("-Xlog:gc:file=" + home.resolve("gc.log"));
        if (!extraJavaOptions.isBlank()) {
            command.addAll(List.of(extraJavaOptions.trim().split("\\s+")));
        }
        command.addAll(List.of("-cp", classPath, JettyPeer.class.getName(), Integer.toString(port),
                home.resolve("hits.jsonl").toString()));
        ChildProcess jvm = ChildProcess.start("jetty-peer", command, home.resolve("console.log"));
        JettyPeerTarget peer = new JettyPeerTarget(jvm, URI.create("http://127.0.0.1:" + port), home);
        onStarted.accept(peer);
        Readiness.await("jetty-peer", peer.base, probes, START_LIMIT, jvm::alive);
        return peer;
    }

    @Override
    public String name() {
        return "jetty-peer";
    }

    @Override
    public URI base() {
        return base;
    }

    @Override
    public List<Long> pids() {
        return List.of(jvm.pid());
    }

    @Override
    public Path gcLog() {
        return home.resolve("gc.log");
    }

    @Override
    public void close() {
        jvm.stop();
    }
}

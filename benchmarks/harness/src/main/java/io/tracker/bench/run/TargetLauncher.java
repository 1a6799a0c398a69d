package io.tracker.bench.run;

import io.tracker.bench.load.Request;
import io.tracker.bench.run.targets.JettyPeerTarget;
import io.tracker.bench.run.targets.NginxTarget;
import io.tracker.bench.run.targets.Target;
import io.tracker.bench.run.targets.TrackerTarget;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Starts targets by name in the run's work folder and registers them to be stopped. */
final class TargetLauncher {

    /** One probe per tracker endpoint the scenarios use: each answers only once its event type is applied. */
    private static final List<Request> TRACKER_PROBES = List.of(Scenarios.impression(1), Scenarios.click(1),
            Scenarios.video(1), Scenarios.conversion(1));
    private static final List<Request> PEER_PROBES = List.of(Scenarios.impression(1));

    private final Path distribution;
    private final Path workDir;
    private final String harnessClassPath;
    private final RunningTargets running;

    TargetLauncher(Path distribution, Path workDir, String harnessClassPath, RunningTargets running) {
        this.distribution = distribution;
        this.workDir = workDir;
        this.harnessClassPath = harnessClassPath;
        this.running = running;
    }

    /**
     * @param name             {@code tracker}, {@code nginx} or {@code jetty-peer}
     * @param folder           its work folder under the run's, e.g. {@code tracker} or {@code tracker-profile}
     * @param extraJavaOptions added to a JVM target's options; ignored by nginx
     */
    Target start(String name, String folder, String extraJavaOptions) throws Exception {
        Path home = workDir.resolve(folder);
        List<Target> started = new ArrayList<>(1);
        Consumer<Target> onStarted = target -> {
            started.add(target);
            running.add(target);
        };
        try {
            return switch (name) {
                case "tracker" -> TrackerTarget.start(distribution, home, extraJavaOptions, TRACKER_PROBES, onStarted);
                case "nginx" -> NginxTarget.start(home, PEER_PROBES, onStarted);
                case "jetty-peer" -> JettyPeerTarget.start(home, harnessClassPath, extraJavaOptions, PEER_PROBES,
                        onStarted);
                default -> throw new IllegalArgumentException("unknown target " + name);
            };
        } catch (Exception e) {
            started.forEach(running::stop); // it never became ready: stop it before anything reuses its folder
            throw e;
        }
    }

    void stop(Target target) {
        running.stop(target);
    }
}

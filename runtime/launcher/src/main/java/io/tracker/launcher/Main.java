package io.tracker.launcher;

import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;
import org.apache.felix.framework.Felix;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.launch.Framework;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * Starts the tracker: an embedded Felix framework with the bundles of {@code system/}, FileInstall
 * watching {@code config/} and {@code deploy/}, and (on a terminal) the Gogo console.
 *
 * <p>Runs until the framework stops: from the console ({@code stop 0}), or on SIGTERM / Ctrl-C, which
 * the shutdown hook turns into an orderly framework stop. End of input on the console ends the console
 * only, never the tracker.
 */
public final class Main {

    private static final Logger LOG = LoggerFactory.getLogger(Main.class);
    private static boolean stopReported;

    private Main() {
    }

    public static void main(String[] args) {
        Path home = Paths.get(System.getProperty(FrameworkProperties.HOME, ".")).toAbsolutePath().normalize();
        System.setProperty(FrameworkProperties.HOME, home.toString());
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();

        // claim the home before touching data/cache: a second launch must not wipe a running tracker's cache
        PidFile pidFile;
        try {
            pidFile = PidFile.claim(home.resolve("data").resolve("tracker.pid"));
        } catch (IllegalStateException | IOException refused) {
            LOG.error("Tracker not started: {}", refused.getMessage());
            System.exit(1);
            return;
        }
        try {
            int exitCode = run(home, pidFile);
            System.exit(exitCode);
        } catch (Exception | LinkageError e) {
            LOG.error("Tracker failed to start from {}", home, e);
            pidFile.release();
            System.exit(1); // also ends a half-started framework, whose threads would keep the JVM alive
        }
    }

    private static int run(Path home, PidFile pidFile) throws Exception {
        boolean console = System.console() != null && !Boolean.getBoolean("tracker.noconsole");
        SystemBundles systemBundles = SystemBundles.scan(home.resolve("system"));
        Map<String, Object> properties = FrameworkProperties.build(home, systemBundles.highestStartLevel(), console);
        Framework framework = new Felix(properties);
        framework.init();
        systemBundles.install(framework.getBundleContext());

        // on SIGTERM the JVM halts as soon as the hook returns, so the hook finishes the job itself
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            FrameworkShutdown.stop(framework);
            stopped(pidFile);
        }, "tracker-shutdown"));
        framework.start();
        LOG.info("Tracker started from {} (pid {}, console {})", home, ProcessHandle.current().pid(),
                console ? "on" : "off");

        FrameworkEvent stopped = framework.waitForStop(0); // returns when stopped from the console
        stopped(pidFile);
        return stopped.getType() == FrameworkEvent.ERROR ? 1 : 0;
    }

    /** Called by main or the shutdown hook, whichever sees the stop first; the second call does nothing. */
    private static synchronized void stopped(PidFile pidFile) {
        if (!stopReported) {
            stopReported = true;
            pidFile.release();
            LOG.info("Tracker stopped");
        }
    }
}

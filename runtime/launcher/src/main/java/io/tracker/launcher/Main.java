package io.tracker.launcher;

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

    public static void main(String[] args) throws Exception {
        Path home = Paths.get(System.getProperty(FrameworkProperties.HOME, ".")).toAbsolutePath().normalize();
        System.setProperty(FrameworkProperties.HOME, home.toString());
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();

        boolean console = System.console() != null && !Boolean.getBoolean("tracker.noconsole");
        SystemBundles systemBundles = SystemBundles.scan(home.resolve("system"));
        Map<String, Object> properties = FrameworkProperties.build(home, systemBundles.highestStartLevel(), console);
        Framework framework = new Felix(properties);
        framework.init();
        systemBundles.install(framework.getBundleContext());

        PidFile pidFile = PidFile.claim(home.resolve("data").resolve("tracker.pid"));
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
        System.exit(stopped.getType() == FrameworkEvent.ERROR ? 1 : 0);
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

package io.tracker.launcher;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleException;
import org.osgi.framework.launch.Framework;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops the framework from the JVM shutdown hook (SIGTERM, Ctrl-C). Bundles stop in descending start
 * level: ingestion first (no new hits, requests in flight finish), then processing (collectors' backlogs
 * drain), then the collectors themselves (files closed).
 */
final class FrameworkShutdown {

    /** Within the 15 s a stop may take; {@code bin/tracker stop} waits 20 s before it reports a failure. */
    static final long STOP_TIMEOUT_MS = 14_000;

    private static final Logger LOG = LoggerFactory.getLogger(FrameworkShutdown.class);

    private FrameworkShutdown() {
    }

    static void stop(Framework framework) {
        if ((framework.getState() & (Bundle.ACTIVE | Bundle.STARTING)) == 0) {
            return; // already stopped from the console; main is exiting
        }
        LOG.info("Shutdown requested, stopping the tracker");
        try {
            framework.stop();
            if (framework.waitForStop(STOP_TIMEOUT_MS).getType() == org.osgi.framework.FrameworkEvent.WAIT_TIMEDOUT) {
                LOG.error("The tracker did not stop within {} ms", STOP_TIMEOUT_MS);
            }
        } catch (BundleException e) {
            LOG.error("Stopping the framework failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

package io.tracker.launcher;

import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Sends the framework's own messages (resolution errors, bundle failures) to the tracker's log files. */
final class FelixLogger extends org.apache.felix.framework.Logger {

    private static final Logger LOG = LoggerFactory.getLogger("org.apache.felix.framework");

    @Override
    protected void doLog(Bundle bundle, ServiceReference sr, int level, String msg, Throwable throwable) {
        String message = bundle == null ? msg : bundle.getSymbolicName() + ": " + msg;
        switch (level) {
            case LOG_ERROR:
                LOG.error(message, throwable);
                break;
            case LOG_WARNING:
                LOG.warn(message, throwable);
                break;
            case LOG_INFO:
                LOG.info(message, throwable);
                break;
            default:
                LOG.debug(message, throwable);
                break;
        }
    }
}

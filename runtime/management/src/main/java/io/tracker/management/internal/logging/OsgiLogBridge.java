package io.tracker.management.internal.logging;

import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;
import org.osgi.service.log.LogEntry;
import org.osgi.service.log.LogListener;
import org.osgi.service.log.LogReaderService;
import org.osgi.util.tracker.ServiceTracker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes the OSGi Log Service (where Felix SCR, ConfigAdmin and Metatype report component errors) into
 * SLF4J, so those errors land in {@code logs/tracker.log} next to the tracker's own messages instead of on
 * standard output.
 *
 * <p>A plain activator rather than a DS component: it starts at the lowest start level, before SCR, so
 * no early error is missed.
 */
public final class OsgiLogBridge implements BundleActivator, LogListener {

    private ServiceTracker<LogReaderService, LogReaderService> readers;

    @Override
    public void start(BundleContext context) {
        readers = new ServiceTracker<>(context, LogReaderService.class, null) {
            @Override
            public LogReaderService addingService(org.osgi.framework.ServiceReference<LogReaderService> reference) {
                LogReaderService reader = super.addingService(reference);
                if (reader != null) {
                    reader.addLogListener(OsgiLogBridge.this);
                }
                return reader;
            }

            @Override
            public void removedService(org.osgi.framework.ServiceReference<LogReaderService> reference,
                                       LogReaderService reader) {
                reader.removeLogListener(OsgiLogBridge.this);
                super.removedService(reference, reader);
            }
        };
        readers.open();
    }

    @Override
    public void stop(BundleContext context) {
        readers.close();
    }

    @Override
    public void logged(LogEntry entry) {
        String source = entry.getBundle() == null ? "osgi" : entry.getBundle().getSymbolicName();
        Logger log = LoggerFactory.getLogger(entry.getLoggerName() == null ? source : entry.getLoggerName());
        String message = source + ": " + entry.getMessage();
        Throwable failure = entry.getException();
        switch (entry.getLogLevel()) {
            case AUDIT:
            case ERROR:
                log.error(message, failure);
                break;
            case WARN:
                log.warn(message, failure);
                break;
            case INFO:
                log.info(message, failure);
                break;
            default:
                log.debug(message, failure);
                break;
        }
    }
}

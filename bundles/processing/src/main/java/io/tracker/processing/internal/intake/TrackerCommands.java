package io.tracker.processing.internal.intake;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Console commands, found by the Gogo shell through the service properties:
 * {@code tracker:collectors}, {@code tracker:replay <collector> <earliest|latest|offset|time>} and
 * {@code tracker:reingest <file or folder of log collector files>}.
 */
@Component(service = TrackerCommands.class, property = {
    "osgi.command.scope=tracker",
    "osgi.command.function=collectors",
    "osgi.command.function=replay",
    "osgi.command.function=reingest"
})
public final class TrackerCommands {

    private final CollectorConsole console;

    @Activate
    public TrackerCommands(@Reference CollectorConsole console) {
        this.console = console;
    }

    /** Lists collectors: state, version, lag in events and seconds, delivered, failed and dropped counts. */
    public String collectors() {
        return console.collectors();
    }

    /** Moves a collector's cursor so it receives again (or skips) from that point. */
    public String replay(String collector, String from) {
        return console.replay(collector, from);
    }

    /** Puts the events of log collector files back into the journal, for every collector to receive again. */
    public String reingest(String path) {
        return console.reingest(path);
    }
}

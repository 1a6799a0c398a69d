package io.tracker.processing.internal.intake;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Console commands, found by the Gogo shell through the service properties:
 * {@code tracker:collectors} and {@code tracker:replay <collector> <earliest|latest|offset|time>}.
 */
@Component(service = TrackerCommands.class, property = {
    "osgi.command.scope=tracker",
    "osgi.command.function=collectors",
    "osgi.command.function=replay"
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
}

package io.tracker.bench.load;

import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * An open-loop run: requests are due at a fixed rate whatever the server does, and each one's latency
 * is measured from when it was due, so a stalled server is charged for the requests it held up
 * (coordinated omission corrected).
 *
 * @param base           scheme, host and port, e.g. {@code http://127.0.0.1:8080}
 * @param requests       what to send, picked by weight
 * @param ratePerSecond  requests due per second
 * @param warmup         run at the rate first, not recorded
 * @param duration       the recorded window
 * @param maxConnections connections the client may open to the target
 */
public record OpenLoopSpec(URI base, List<Request> requests, int ratePerSecond, Duration warmup, Duration duration,
                           int maxConnections) {
}

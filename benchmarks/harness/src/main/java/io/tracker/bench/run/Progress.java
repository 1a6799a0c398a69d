package io.tracker.bench.run;

import io.tracker.bench.result.Delivery;
import io.tracker.bench.result.Measurement;
import java.util.Locale;

/** One line per measurement while the run goes on, so a long run shows where it is. */
final class Progress {

    private Progress() {
    }

    static String line(Measurement m) {
        String rate = m.mode().equals("latency") ? String.format(Locale.ROOT, "%,d req/s asked", m.targetRate())
                : "";
        return String.format(Locale.ROOT, "  %-10s %-16s %-10s %,10.0f req/s  p50 %8.2f ms  p99 %8.2f ms  errors %,d"
                        + "  cpu %.2f cores%s  %s",
                m.target(), m.scenario(), m.mode(), m.requestsPerSecond(), m.latency().p50Ms(), m.latency().p99Ms(),
                m.errors(), m.resources().cpuCores(), delivery(m.delivery()), rate);
    }

    private static String delivery(Delivery delivery) {
        if (delivery == null) {
            return "";
        }
        return String.format(Locale.ROOT, "  events %,d delivered of %,d acknowledged (%,d sent at most)%s",
                delivery.delivered(), delivery.acknowledged(), delivery.sent(),
                delivery.complete() ? "" : " INCOMPLETE");
    }
}

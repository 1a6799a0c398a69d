package io.tracker.bench.load;

import java.math.BigInteger;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * The deterministic order in which a scenario's requests are sent: a precomputed cycle in which each request
 * appears in proportion to its weight, interleaved (smooth weighted round-robin, as nginx balances upstreams)
 * rather than in runs, so that any stretch of the schedule carries the mix.
 */
final class RequestMix {

    /** Beyond this many slots the weights are scaled down to {@link #SCALED_SLOTS}; keeps the cycle small. */
    private static final int MAX_SLOTS = 1_000;
    private static final int SCALED_SLOTS = 100;

    private final PreparedRequest[] cycle;

    private RequestMix(PreparedRequest[] cycle) {
        this.cycle = cycle;
    }

    static RequestMix of(URI base, List<Request> requests) {
        if (requests == null || requests.isEmpty()) {
            throw new IllegalArgumentException("an open-loop run needs at least one request");
        }
        List<PreparedRequest> prepared = new ArrayList<>();
        List<Integer> weights = new ArrayList<>();
        for (Request request : requests) {
            if (request.weight() < 0) {
                throw new IllegalArgumentException("negative weight " + request.weight() + " for "
                        + request.method() + " " + request.pathAndQuery());
            }
            if (request.weight() > 0) {
                prepared.add(new PreparedRequest(base, request));
                weights.add(request.weight());
            }
        }
        if (prepared.isEmpty()) {
            throw new IllegalArgumentException("every request of the mix has weight 0");
        }
        return new RequestMix(cycle(prepared, slots(weights)));
    }

    /** The request to send as the {@code index}-th of the run. */
    PreparedRequest forIndex(long index) {
        return cycle[(int) (index % cycle.length)];
    }

    int cycleLength() {
        return cycle.length;
    }

    /** Weights reduced by their common divisor, then scaled down if the cycle would still be long. */
    private static int[] slots(List<Integer> weights) {
        int gcd = weights.stream().map(BigInteger::valueOf).reduce(BigInteger::gcd).orElseThrow().intValueExact();
        long total = weights.stream().mapToLong(w -> w / gcd).sum();
        int[] slots = new int[weights.size()];
        for (int i = 0; i < slots.length; i++) {
            long reduced = weights.get(i) / gcd;
            slots[i] = total <= MAX_SLOTS ? (int) reduced
                    : (int) Math.max(1, Math.round((double) reduced * SCALED_SLOTS / total));
        }
        return slots;
    }

    private static PreparedRequest[] cycle(List<PreparedRequest> requests, int[] slots) {
        int length = 0;
        for (int slot : slots) {
            length += slot;
        }
        PreparedRequest[] cycle = new PreparedRequest[length];
        long[] current = new long[slots.length];
        for (int position = 0; position < length; position++) {
            int best = 0;
            for (int i = 0; i < slots.length; i++) {
                current[i] += slots[i];
                if (current[i] > current[best]) {
                    best = i;
                }
            }
            current[best] -= length;
            cycle[position] = requests.get(best);
        }
        return cycle;
    }
}

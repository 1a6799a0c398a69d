package io.tracker.bench.run.wrk;

/**
 * What one wrk run reported through the scenario script's {@code done()} line.
 *
 * @param requests       answers received, whatever their status
 * @param durationMicros how long the run lasted
 * @param connectErrors  connections that could not be opened
 * @param readErrors     connections that failed while reading an answer
 * @param writeErrors    connections that failed while writing a request
 * @param statusErrors   answers with a status above 399 (included in {@code requests})
 * @param timeouts       requests without an answer within wrk's {@code --timeout}, counted at each check
 * @param p50Micros      latency percentiles and maximum, in microseconds
 */
public record WrkResult(long requests, long durationMicros, long connectErrors, long readErrors, long writeErrors,
                        long statusErrors, long timeouts, long p50Micros, long p90Micros, long p99Micros,
                        long p999Micros, long maxMicros) {

    /** Answers of status 2xx or 3xx: the requests whose events the target acknowledged. */
    public long succeeded() {
        return requests - statusErrors;
    }

    /** Requests that failed: error answers, socket errors and timeouts. */
    public long errors() {
        return statusErrors + connectErrors + readErrors + writeErrors + timeouts;
    }

    public double seconds() {
        return durationMicros / 1_000_000.0;
    }
}

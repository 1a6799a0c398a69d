package io.tracker.bench.result;

/** The machine and tools a report was measured with. */
public record Machine(String cpuModel, int cores, long memoryBytes, String os, String java, String nginx,
                      String wrk) {
}

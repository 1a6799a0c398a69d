package io.tracker.bench.run.profile;

import java.nio.file.Path;

/**
 * The ways a CPU profile is taken, in the order they are tried: async-profiler on perf events, then on
 * a timer signal (for machines where perf events are not allowed, e.g. containers), then JDK Flight
 * Recorder (no flame graph, but a recording JDK Mission Control opens).
 */
public enum ProfileMethod {

    ASYNC_PROFILER_CPU("async-profiler (event=cpu)", "html"),
    ASYNC_PROFILER_ITIMER("async-profiler (event=itimer)", "html"),
    FLIGHT_RECORDER("JDK Flight Recorder", "jfr");

    private final String description;
    private final String extension;

    ProfileMethod(String description, String extension) {
        this.description = description;
        this.extension = extension;
    }

    public String description() {
        return description;
    }

    public String extension() {
        return extension;
    }

    public boolean needsAgent() {
        return this != FLIGHT_RECORDER;
    }

    /**
     * The JVM option that profiles from start to exit and writes {@code output} when the JVM exits.
     * No spaces: bin/tracker splits TRACKER_JAVA_OPTS on them.
     *
     * @param agent the extracted async-profiler library; ignored by the flight recorder
     */
    public String jvmOption(Path agent, Path output) {
        return switch (this) {
            case ASYNC_PROFILER_CPU -> "-agentpath:" + agent + "=start,event=cpu,interval=1ms,file=" + output;
            case ASYNC_PROFILER_ITIMER -> "-agentpath:" + agent + "=start,event=itimer,interval=1ms,file=" + output;
            case FLIGHT_RECORDER -> "-XX:StartFlightRecording=settings=profile,dumponexit=true,filename=" + output;
        };
    }
}

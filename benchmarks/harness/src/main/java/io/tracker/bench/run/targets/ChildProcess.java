package io.tracker.bench.run.targets;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** A peer server run as a child of the harness, its output in a file, stopped with SIGTERM then SIGKILL. */
final class ChildProcess {

    private static final long STOP_SECONDS = 15;

    private final String name;
    private final Process process;

    private ChildProcess(String name, Process process) {
        this.name = name;
        this.process = process;
    }

    static ChildProcess start(String name, List<String> command, Path output) throws IOException {
        Files.createDirectories(output.toAbsolutePath().getParent());
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile())).start();
        return new ChildProcess(name, process);
    }

    long pid() {
        return process.pid();
    }

    Stream<ProcessHandle> children() {
        return process.children();
    }

    boolean alive() {
        return process.isAlive();
    }

    /** SIGTERM lets a JVM run its shutdown hooks (the profiler agent writes its file then). */
    synchronized void stop() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(STOP_SECONDS, TimeUnit.SECONDS)) {
                System.err.println(name + " did not stop within " + STOP_SECONDS + " s of SIGTERM; killing it");
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}

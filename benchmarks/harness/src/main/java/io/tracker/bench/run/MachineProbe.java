package io.tracker.bench.run;

import io.tracker.bench.result.Machine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Describes the machine and the tools a report was measured with; "unknown" for what cannot be read. */
final class MachineProbe {

    private static final String UNKNOWN = "unknown";

    private MachineProbe() {
    }

    static Machine probe() {
        return new Machine(cpuModel(), Runtime.getRuntime().availableProcessors(), memoryBytes(),
                output(List.of("uname", "-sr")),
                // the harness runs on the java bin/tracker uses: both take JAVA_HOME, else java on the PATH
                System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"),
                output(List.of("nginx", "-v")).replaceFirst("^nginx version: ", ""),
                output(List.of("wrk", "-v")).lines().findFirst().orElse(UNKNOWN).replaceFirst(" Copyright.*", ""));
    }

    private static String cpuModel() {
        return procLine("/proc/cpuinfo", "model name").map(line -> line.substring(line.indexOf(':') + 1).trim())
                .orElse(UNKNOWN);
    }

    /** MemTotal of /proc/meminfo, in bytes; -1 when unreadable. */
    private static long memoryBytes() {
        return procLine("/proc/meminfo", "MemTotal:")
                .map(line -> Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024).orElse(-1L);
    }

    private static Optional<String> procLine(String file, String prefix) {
        try {
            return Files.readAllLines(Path.of(file)).stream().filter(line -> line.startsWith(prefix)).findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** stdout and stderr of a short command (nginx -v writes to stderr, wrk -v exits 1). */
    private static String output(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes()).trim();
            process.waitFor(10, TimeUnit.SECONDS);
            return out.isEmpty() ? UNKNOWN : out;
        } catch (IOException e) {
            return UNKNOWN;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return UNKNOWN;
        }
    }
}

package io.tracker.bench.run.proc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GcLogTest {

    @TempDir
    Path dir;

    @Test
    void theHighestHeapAfterAPauseInTheWindow() throws Exception {
        Path log = dir.resolve("gc.log");
        String before = "[0.010s][info][gc] Using G1\n"
                + "[1.234s][info][gc] GC(0) Pause Young (Normal) (G1 Evacuation Pause) 24M->3M(128M) 2.345ms\n";
        String window = "[2.000s][info][gc] GC(1) Pause Young (Normal) (G1 Evacuation Pause) 85M->12M(256M) 3.456ms\n"
                + "[2.100s][info][gc] GC(2) Pause Young (Concurrent Start) (G1 Humongous Allocation) 90M->40M(256M) 1.0ms\n"
                + "[2.101s][info][gc] GC(3) Concurrent Mark Cycle\n"
                + "[2.200s][info][gc] GC(3) Pause Remark 41M->41M(256M) 0.9ms\n"
                + "[2.300s][info][gc] GC(4) Pause Full (System.gc()) 1536K->1024K(8M) 4.1ms\n";
        Files.writeString(log, before + window + "[2.400s][info][gc] GC(5) Pause Young (Normal) (G1 Eva");

        long from = before.length();
        long to = Files.size(log);

        assertThat(GcLog.maxHeapAfterGcBytes(log, from, to)).isEqualTo(41L << 20);
        assertThat(GcLog.maxHeapAfterGcBytes(log, to, to)).as("no pause in the window: the last before it")
                .isEqualTo(1L << 20);
        assertThat(GcLog.maxHeapAfterGcBytes(log, 0, from)).isEqualTo(3L << 20);
        assertThat(GcLog.maxHeapAfterGcBytes(dir.resolve("absent.log"), 0, 0)).isEqualTo(-1);
        assertThat(GcLog.end(dir.resolve("absent.log"))).isZero();
    }

    @Test
    void readsTheLogOfARealJvm() throws Exception {
        Path log = dir.resolve("real-gc.log");
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-Xmx64m", "-XX:+UseG1GC", "-Xlog:gc:file=" + log, "-cp", System.getProperty("java.class.path"),
                Garbage.class.getName()));
        Process jvm = new ProcessBuilder(command).inheritIO().start();
        assertThat(jvm.waitFor(20, TimeUnit.SECONDS)).isTrue();
        assertThat(jvm.exitValue()).isZero();

        long heap = GcLog.maxHeapAfterGcBytes(log, 0, GcLog.end(log));

        assertThat(Files.readString(log)).contains("Pause");
        assertThat(heap).isBetween(1L, 64L << 20);
    }

    /** Makes garbage, then asks for a full collection: young and full pauses in the log. */
    public static final class Garbage {
        public static void main(String[] args) {
            List<byte[]> kept = new ArrayList<>();
            for (int i = 0; i < 4_000; i++) {
                byte[] chunk = new byte[32 * 1024];
                if (i % 100 == 0) {
                    kept.add(chunk);
                }
            }
            System.gc();
            System.out.println("kept " + kept.size() + " chunks");
        }
    }
}

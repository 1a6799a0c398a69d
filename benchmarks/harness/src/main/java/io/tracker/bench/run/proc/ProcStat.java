package io.tracker.bench.run.proc;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/**
 * Reads a process's CPU time and resident memory from Linux's {@code /proc}. A process that is gone
 * reads as empty, not as an error: the sampler races with targets that stop.
 */
public final class ProcStat {

    private static final long TICKS_PER_SECOND = clockTicksPerSecond();

    private ProcStat() {
    }

    /** User plus system CPU time the process has used so far, in nanoseconds. */
    public static OptionalLong cpuNanos(long pid) {
        String stat;
        try {
            stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        } catch (IOException e) {
            return OptionalLong.empty();
        }
        // the command name (field 2) is in parentheses and may hold spaces: count fields after the last ')'
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        long utime = Long.parseLong(fields[11]); // field 14 of proc(5); fields[0] is field 3, the state
        long stime = Long.parseLong(fields[12]); // field 15
        return OptionalLong.of((utime + stime) * 1_000_000_000L / TICKS_PER_SECOND);
    }

    /** Resident set size ({@code VmRSS}) in bytes. */
    public static OptionalLong rssBytes(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    String kilobytes = line.substring("VmRSS:".length()).trim().split("\\s+")[0];
                    return OptionalLong.of(Long.parseLong(kilobytes) * 1024);
                }
            }
        } catch (IOException e) {
            return OptionalLong.empty();
        }
        return OptionalLong.empty(); // a zombie has no VmRSS
    }

    /** {@code getconf CLK_TCK}: the unit of /proc's CPU times; 100 on every Linux we know of. */
    static long clockTicksPerSecond() {
        try {
            Process getconf = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
            String out = new String(getconf.getInputStream().readAllBytes()).trim();
            if (getconf.waitFor() == 0 && out.matches("\\d+")) {
                return Long.parseLong(out);
            }
        } catch (IOException e) {
            System.err.println("getconf CLK_TCK failed (" + e.getMessage() + "); assuming 100 ticks per second");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 100;
    }
}

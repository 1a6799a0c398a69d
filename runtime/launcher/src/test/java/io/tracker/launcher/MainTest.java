package io.tracker.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A second launcher on the home of a running tracker, run as a separate JVM ({@link Main} ends with
 * System.exit). The "running tracker" is a live process whose pid is in {@code data/tracker.pid}.
 */
class MainTest {

    private static final long PATIENCE_SECONDS = 15;

    @TempDir
    Path home;

    private Process runningTracker;
    private Process secondLauncher;

    @BeforeEach
    void aTrackerRunsFromHome() throws IOException {
        Path level = Files.createDirectories(home.resolve("system").resolve("1"));
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().putValue("Bundle-ManifestVersion", "2");
        manifest.getMainAttributes().putValue("Bundle-SymbolicName", "test.bundle");
        try (OutputStream out = Files.newOutputStream(level.resolve("test.jar"));
             JarOutputStream jar = new JarOutputStream(out, manifest)) {
            jar.flush();
        }
        Files.createDirectories(home.resolve("data").resolve("cache"));
        Files.writeString(home.resolve("data").resolve("cache").resolve("in-use"), "the running tracker's cache");
        runningTracker = new ProcessBuilder("sleep", "30").start();
        Files.writeString(home.resolve("data").resolve("tracker.pid"), runningTracker.pid() + "\n");
    }

    @AfterEach
    void stopProcesses() throws InterruptedException {
        for (Process process : new Process[] {secondLauncher, runningTracker}) {
            if (process != null) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    @Test
    void secondLaunchLeavesTheRunningTrackersCacheAlone() throws Exception {
        launchSecond();
        secondLauncher.waitFor(PATIENCE_SECONDS, TimeUnit.SECONDS);

        assertThat(home.resolve("data").resolve("cache").resolve("in-use")).exists();
    }

    @Test
    void secondLaunchExitsWithAnErrorNamingTheRunningTracker() throws Exception {
        launchSecond();

        assertThat(secondLauncher.waitFor(PATIENCE_SECONDS, TimeUnit.SECONDS)).as("exited").isTrue();
        assertThat(secondLauncher.exitValue()).isNotZero();
        assertThat(home.resolve("launcher.out")).content()
                .contains("Another tracker (pid " + runningTracker.pid() + ")");
        assertThat(home.resolve("data").resolve("tracker.pid")).hasContent(runningTracker.pid() + "\n");
    }

    private void launchSecond() throws IOException {
        secondLauncher = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                "-Dtracker.home=" + home, "-Dtracker.noconsole=true",
                Main.class.getName())
                .redirectErrorStream(true)
                .redirectOutput(home.resolve("launcher.out").toFile())
                .start();
    }
}

package io.tracker.bench.run.profile;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * async-profiler's native agent, taken out of its Maven jar (copied into the harness's lib/ by the build).
 * It is loaded with {@code -agentpath} when the profiled JVM starts: attaching it later through jcmd does
 * not work on every machine (it did not on the one this was written on).
 */
public final class ProfilerAgent {

    private static final String LIBRARY = "linux-x64/libasyncProfiler.so";
    private static final Path LOCAL_REPOSITORY_JAR = Path.of(System.getProperty("user.home"),
            ".m2/repository/tools/profiler/async-profiler/4.2/async-profiler-4.2.jar");

    private ProfilerAgent() {
    }

    /** Extracts the agent into {@code workDir}; empty when no async-profiler jar is found or not on x64 Linux. */
    public static Optional<Path> extract(Path libDir, Path workDir) throws IOException {
        Optional<Path> jar = jar(libDir);
        if (jar.isEmpty() || !"amd64".equals(System.getProperty("os.arch"))) {
            return Optional.empty();
        }
        try (ZipFile zip = new ZipFile(jar.get().toFile())) {
            ZipEntry entry = zip.getEntry(LIBRARY);
            if (entry == null) {
                return Optional.empty();
            }
            Files.createDirectories(workDir);
            Path library = workDir.resolve("libasyncProfiler.so");
            try (InputStream in = zip.getInputStream(entry)) {
                Files.copy(in, library, StandardCopyOption.REPLACE_EXISTING);
            }
            return Optional.of(library.toAbsolutePath());
        }
    }

    private static Optional<Path> jar(Path libDir) throws IOException {
        if (Files.isDirectory(libDir)) {
            try (DirectoryStream<Path> jars = Files.newDirectoryStream(libDir, "async-profiler-*.jar")) {
                for (Path jar : jars) {
                    return Optional.of(jar);
                }
            }
        }
        return Files.isRegularFile(LOCAL_REPOSITORY_JAR) ? Optional.of(LOCAL_REPOSITORY_JAR) : Optional.empty();
    }
}

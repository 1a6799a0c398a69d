package io.tracker.benchmarks.jmh;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Folders for journals under the system's temporary folder, removed again at the end of a trial. */
public final class TempDirectories {

    private TempDirectories() {
    }

    public static Path create(String purpose) throws IOException {
        return Files.createTempDirectory("tracker-jmh-" + purpose + "-");
    }

    /** Deletes the folder and everything in it; a missing folder is fine. */
    public static void delete(Path directory) throws IOException {
        if (directory == null || !Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(path);
            }
        }
    }
}

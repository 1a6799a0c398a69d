package io.tracker.bench.run.targets;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** Replaces a work directory with a fresh copy of a built one. */
final class DirectoryCopy {

    private static final int ATTEMPTS = 12;
    private static final Duration RETRY = Duration.ofSeconds(5);

    private DirectoryCopy() {
    }

    /**
     * Deletes {@code target}, then copies {@code source} there, file attributes included (bin/ stays
     * executable), leaving out the top-level folders named in {@code skipped} (state of earlier runs).
     */
    static void replace(Path source, Path target, List<String> skipped) throws IOException, InterruptedException {
        // the distribution may be rebuilt by someone else meanwhile: it vanishes for a moment, then returns
        for (int attempt = 1; ; attempt++) {
            try {
                if (!Files.isDirectory(source)) {
                    throw new NoSuchFileException(source + " does not exist; build it with:"
                            + " mvn -B -q package -DskipTests");
                }
                copy(source, target, skipped);
                return;
            } catch (NoSuchFileException e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
                System.out.println("  " + source + " is missing (" + e.getMessage() + "); retrying in "
                        + RETRY.toSeconds() + " s");
                Thread.sleep(RETRY.toMillis());
            }
        }
    }

    private static void copy(Path source, Path target, List<String> skipped) throws IOException {
        delete(target);
        Files.walkFileTree(source, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                Path relative = source.relativize(dir);
                if (relative.getNameCount() == 1 && skipped.contains(relative.toString())) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                Files.createDirectories(target.resolve(relative.toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.copy(file, target.resolve(source.relativize(file).toString()),
                        StandardCopyOption.COPY_ATTRIBUTES);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    static void delete(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(directory)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}

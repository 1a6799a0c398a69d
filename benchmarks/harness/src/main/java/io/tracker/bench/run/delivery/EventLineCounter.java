package io.tracker.bench.run.delivery;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * Counts the event lines the log collector has written under a directory (docs/collectors/log.md):
 * active {@code *.jsonl} files, and rolled ones, plain or {@code *.jsonl.gz}. A {@code .gz.part} is skipped:
 * it is a rolled file being compressed, and its lines are still counted in the plain file it is made
 * from, which is deleted only once the {@code .gz} has its final name.
 *
 * <p>The count is incremental, so that polling it while millions of lines accumulate stays cheap: a
 * plain file is read only past what was counted before (unless it was replaced or truncated), a
 * {@code .gz} only once. Only complete lines count: a batch being written shows up when its
 * newline does. Not thread-safe.
 */
public final class EventLineCounter {

    private final Path directory;
    private final Map<Path, PlainFile> plainFiles = new HashMap<>();
    private final Map<Path, Long> compressedFiles = new HashMap<>();

    public EventLineCounter(Path directory) {
        this.directory = directory;
    }

    /** Lines in all event files now; 0 while the directory does not exist. */
    public long count() throws IOException {
        if (!Files.isDirectory(directory)) {
            return 0;
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(directory)) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        Set<Path> present = new HashSet<>();
        long lines = 0;
        for (Path file : files) {
            String name = file.getFileName().toString();
            try {
                if (name.endsWith(".jsonl.gz")) {
                    Long compressed = compressedFiles.get(file);
                    if (compressed == null) {
                        compressed = countLines(file);
                        compressedFiles.put(file, compressed);
                    }
                    lines += compressed;
                    present.add(file);
                } else if (name.endsWith(".jsonl")) {
                    lines += plainFiles.computeIfAbsent(file, PlainFile::new).count();
                    present.add(file);
                }
            } catch (NoSuchFileException e) {
                // rolled or deleted between the listing and the read: its lines are in the next count
            }
        }
        plainFiles.keySet().retainAll(present);
        compressedFiles.keySet().retainAll(present);
        return lines;
    }

    /** Lines of one plain or gzip file, counted in one go. */
    public static long countLines(Path file) throws IOException {
        if (file.getFileName().toString().endsWith(".gz")) {
            try (InputStream in = new GZIPInputStream(new BufferedInputStream(Files.newInputStream(file)), 64 * 1024)) {
                return newlines(in);
            }
        }
        try (InputStream in = Files.newInputStream(file)) {
            return newlines(in);
        }
    }

    private static long newlines(InputStream in) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long lines = 0;
        for (int read; (read = in.read(buffer)) > 0; ) {
            for (int i = 0; i < read; i++) {
                if (buffer[i] == '\n') {
                    lines++;
                }
            }
        }
        return lines;
    }

    /** An active file: appended to, or replaced by a new file of the same name when rolled. */
    private static final class PlainFile {
        private final Path path;
        private Object fileKey;
        private long countedBytes;
        private long lines;

        PlainFile(Path path) {
            this.path = path;
        }

        long count() throws IOException {
            try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
                Object key = Files.readAttributes(path, BasicFileAttributes.class).fileKey();
                long size = channel.size();
                if (!Objects.equals(key, fileKey) || size < countedBytes) {
                    fileKey = key;
                    countedBytes = 0;
                    lines = 0;
                }
                ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
                while (countedBytes < size) {
                    buffer.clear();
                    int read = channel.read(buffer, countedBytes);
                    if (read <= 0) {
                        break;
                    }
                    for (int i = 0; i < read; i++) {
                        if (buffer.get(i) == '\n') {
                            lines++;
                        }
                    }
                    countedBytes += read;
                }
                return lines;
            }
        }
    }
}

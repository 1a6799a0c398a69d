package io.tracker.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * {@code data/tracker.pid}: lets {@code bin/tracker status|stop} find the running process, and refuses a
 * second tracker on the same home (two processes appending to one journal would corrupt it).
 */
final class PidFile {

    private final Path path;
    private final long pid;

    private PidFile(Path path, long pid) {
        this.path = path;
        this.pid = pid;
    }

    static PidFile claim(Path path) throws IOException {
        Optional<Long> holder = read(path).filter(pid -> ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));
        long self = ProcessHandle.current().pid();
        if (holder.isPresent() && holder.get() != self) {
            throw new IllegalStateException("Another tracker (pid " + holder.get() + ") is running from "
                    + path.getParent().getParent() + "; stop it first with bin/tracker stop");
        }
        Files.createDirectories(path.getParent());
        Files.write(path, (self + "\n").getBytes(StandardCharsets.US_ASCII));
        return new PidFile(path, self);
    }

    /** Removes the file if it still names this process. */
    void release() {
        try {
            if (read(path).filter(p -> p == pid).isPresent()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + path, e);
        }
    }

    private static Optional<Long> read(Path path) {
        try {
            return Optional.of(Long.parseLong(Files.readString(path, StandardCharsets.US_ASCII).trim()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }
}

package io.tracker.itests.install;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Enumeration;
import java.util.EnumSet;
import java.util.Set;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;

/**
 * A tracker installed the way a user installs it: the real zip, unpacked with its file modes (so
 * {@code bin/tracker} is executable only if the zip says so).
 */
public final class TrackerHome {

    private TrackerHome() {
    }

    /** Unpacks the zip into a folder and returns the tracker's home inside it. */
    public static Path unpack(Path into) throws IOException {
        Path zip = Paths.get(System.getProperty("tracker.zip"));
        try (ZipFile archive = ZipFile.builder().setPath(zip).get()) {
            Enumeration<ZipArchiveEntry> entries = archive.getEntries();
            while (entries.hasMoreElements()) {
                ZipArchiveEntry entry = entries.nextElement();
                Path target = into.resolve(entry.getName()).normalize();
                if (!target.startsWith(into)) {
                    throw new IOException("zip entry outside the target: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                    continue;
                }
                Files.createDirectories(target.getParent());
                try (InputStream in = archive.getInputStream(entry)) {
                    Files.copy(in, target);
                }
                if ((entry.getUnixMode() & 0100) != 0) {
                    Set<PosixFilePermission> permissions = EnumSet.copyOf(Files.getPosixFilePermissions(target));
                    permissions.add(PosixFilePermission.OWNER_EXECUTE);
                    Files.setPosixFilePermissions(target, permissions);
                }
            }
        }
        return into.resolve("tracker-" + System.getProperty("tracker.version"));
    }
}

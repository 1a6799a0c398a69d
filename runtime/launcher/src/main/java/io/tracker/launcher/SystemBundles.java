package io.tracker.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.startlevel.BundleStartLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The framework-level bundles in {@code system/<start level>/*.jar}: the folder name is the start level,
 * so the start order is visible in the distribution itself. The framework starts lower levels first and
 * stops higher levels first.
 */
final class SystemBundles {

    private static final Logger LOG = LoggerFactory.getLogger(SystemBundles.class);

    private final Map<Integer, List<Path>> jarsByLevel;

    private SystemBundles(Map<Integer, List<Path>> jarsByLevel) {
        this.jarsByLevel = jarsByLevel;
    }

    static SystemBundles scan(Path systemDirectory) throws IOException {
        Map<Integer, List<Path>> jarsByLevel = new TreeMap<>();
        try (Stream<Path> levels = Files.list(systemDirectory)) {
            for (Path level : (Iterable<Path>) levels::iterator) {
                String name = level.getFileName().toString();
                if (Files.isDirectory(level) && name.matches("[1-9][0-9]?")) {
                    jarsByLevel.put(Integer.parseInt(name), jars(level));
                } else if (!name.equals("boot")) {
                    LOG.warn("Ignoring {}: only system/boot and system/<start level 1-99> are used", level);
                }
            }
        }
        if (jarsByLevel.isEmpty()) {
            throw new IllegalStateException("No bundles under " + systemDirectory + "/<start level>/: is this a "
                    + "tracker distribution?");
        }
        return new SystemBundles(jarsByLevel);
    }

    int highestStartLevel() {
        return ((TreeMap<Integer, List<Path>>) jarsByLevel).lastKey();
    }

    void install(BundleContext context) throws BundleException {
        List<Bundle> installed = new ArrayList<>();
        for (Map.Entry<Integer, List<Path>> level : jarsByLevel.entrySet()) {
            for (Path jar : level.getValue()) {
                Bundle bundle = context.installBundle(jar.toUri().toString());
                bundle.adapt(BundleStartLevel.class).setStartLevel(level.getKey());
                installed.add(bundle);
            }
        }
        for (Bundle bundle : installed) {
            if (bundle.getHeaders().get("Fragment-Host") == null) {
                bundle.start(); // persistent: the framework starts it when its level is reached
            }
        }
    }

    private static List<Path> jars(Path directory) {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".jar")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + directory, e);
        }
    }
}

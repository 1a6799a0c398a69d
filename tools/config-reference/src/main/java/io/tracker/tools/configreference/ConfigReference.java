package io.tracker.tools.configreference;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import io.tracker.tools.configreference.Metatype.Pid;

/**
 * Writes the tracker's configuration reference, one Markdown page, from the OSGi Metatype descriptors
 * ({@code OSGI-INF/metatype/*.xml}) that bnd generates into the bundle jars.
 *
 * <pre>ConfigReference &lt;output.md&gt; &lt;jar-or-folder&gt;...</pre>
 *
 * A folder stands for every {@code *.jar} under it. The page lists the PIDs sorted, and holds no time stamp:
 * it changes only when the configuration does, and the file is not rewritten when it would not change.
 * Failures are thrown as {@link ConfigReferenceException}, naming the jar and the entry; nothing calls
 * {@code System.exit}, so the tool can run inside the Maven JVM (exec-maven-plugin's {@code java} goal).
 */
public final class ConfigReference {

    static final String USAGE = "usage: ConfigReference [--bundles=<symbolic name prefix>] <output.md> <jar-or-folder>...";
    private static final String BUNDLES_OPTION = "--bundles=";

    private ConfigReference() {
    }

    public static void main(String[] args) {
        String bundlePrefix = "";
        if (args.length > 0 && args[0].startsWith(BUNDLES_OPTION)) {
            bundlePrefix = args[0].substring(BUNDLES_OPTION.length());
            args = Arrays.copyOfRange(args, 1, args.length);
        }
        if (args.length < 2 || Arrays.stream(args).anyMatch(String::isBlank)) {
            throw new ConfigReferenceException(USAGE);
        }
        Path output = Path.of(args[0]);
        List<Path> inputs = Arrays.stream(args).skip(1).map(Path::of).toList();
        write(output, render(inputs, bundlePrefix));
    }

    /** The page for the jars given or found under the folders given. */
    public static String render(List<Path> inputs) {
        return render(inputs, "");
    }

    /**
     * The page for the bundles whose symbolic name starts with {@code bundlePrefix} (all for ""): a
     * distribution also ships third-party bundles whose Metatype is not the product's configuration.
     */
    public static String render(List<Path> inputs, String bundlePrefix) {
        return MarkdownWriter.render(collect(jars(inputs)).stream()
                .filter(pid -> pid.bundle().symbolicName().startsWith(bundlePrefix)).toList());
    }

    /**
     * Writes the page unless the file already holds it.
     *
     * @return whether the file was written
     */
    public static boolean write(Path output, String page) {
        byte[] bytes = page.getBytes(StandardCharsets.UTF_8);
        try {
            if (Files.isRegularFile(output) && Arrays.equals(Files.readAllBytes(output), bytes)) {
                return false;
            }
            Path parent = output.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.write(output, bytes);
            return true;
        } catch (IOException e) {
            throw new ConfigReferenceException(output + ": cannot write: " + e, e);
        }
    }

    /** The jars: files as given, folders searched for *.jar; each jar once, in path order within a folder. */
    static List<Path> jars(List<Path> inputs) {
        Set<Path> jars = new LinkedHashSet<>();
        for (Path input : inputs) {
            if (Files.isDirectory(input)) {
                try (Stream<Path> walk = Files.walk(input)) {
                    walk.filter(Files::isRegularFile)
                            .filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".jar"))
                            .map(p -> p.toAbsolutePath().normalize())
                            .sorted(Comparator.comparing(Path::toString))
                            .forEach(jars::add);
                } catch (IOException | UncheckedIOException e) {
                    throw new ConfigReferenceException(input + ": cannot list the folder: " + e.getMessage(), e);
                }
            } else if (Files.isRegularFile(input)) {
                jars.add(input.toAbsolutePath().normalize());
            } else {
                throw new ConfigReferenceException(input + ": no such jar or folder");
            }
        }
        if (jars.isEmpty()) {
            throw new ConfigReferenceException("no jar found in " + inputs);
        }
        return List.copyOf(jars);
    }

    /**
     * The PIDs of all jars, sorted by PID (a singleton before a factory of the same name). The same PID
     * described the same way twice (the same bundle in two folders) counts once; described differently, it fails.
     */
    static List<Pid> collect(List<Path> jars) {
        MetatypeReader reader = new MetatypeReader();
        Map<List<Object>, Pid> byKey = new LinkedHashMap<>();
        for (Path jar : jars) {
            for (Pid pid : reader.read(jar)) {
                Pid other = byKey.putIfAbsent(List.of(pid.pid(), pid.factory()), pid);
                if (other != null && !other.identity().equals(pid.identity())) {
                    throw new ConfigReferenceException((pid.factory() ? "factory PID \"" : "PID \"") + pid.pid()
                            + "\" is described twice, differently: by " + other.source() + " (bundle "
                            + other.bundle().symbolicName() + " " + other.bundle().version() + ") and by "
                            + pid.source() + " (bundle " + pid.bundle().symbolicName() + " "
                            + pid.bundle().version() + ")");
                }
            }
        }
        List<Pid> pids = new ArrayList<>(byKey.values());
        pids.sort(Comparator.comparing(Pid::pid).thenComparing(Pid::factory));
        return pids;
    }
}

package io.tracker.collector.kafka.osgi;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.felix.framework.Felix;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.launch.Framework;

/**
 * An Apache Felix framework in the test JVM, set up like the tracker's launcher: the system bundle exports the
 * SLF4J 2 packages of the class path (decision 1), everything else comes from installed bundles.
 */
final class EmbeddedFelix implements AutoCloseable {

    /** As the launcher's FrameworkProperties exports them. */
    static final String SLF4J_PACKAGES = String.join(",",
            "org.slf4j;version=2.0.17", "org.slf4j.spi;version=2.0.17",
            "org.slf4j.event;version=2.0.17", "org.slf4j.helpers;version=2.0.17");

    private final Framework framework;

    private EmbeddedFelix(Framework framework) {
        this.framework = framework;
    }

    /** @param extraSystemPackages more packages the system bundle exports from the class path, or "" */
    static EmbeddedFelix start(Path storage, String extraSystemPackages) throws BundleException {
        String packages = extraSystemPackages.isEmpty() ? SLF4J_PACKAGES : SLF4J_PACKAGES + "," + extraSystemPackages;
        Framework framework = new Felix(Map.of(
                Constants.FRAMEWORK_STORAGE, storage.toString(),
                Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT,
                Constants.FRAMEWORK_SYSTEMPACKAGES_EXTRA, packages,
                "felix.log.level", "1",
                "ds.loglevel", "warn"));
        framework.init();
        framework.start();
        return new EmbeddedFelix(framework);
    }

    Framework framework() {
        return framework;
    }

    Bundle install(Path jar) throws BundleException {
        return framework.getBundleContext().installBundle(jar.toUri().toString());
    }

    List<Bundle> installAll(Path directory) throws BundleException, IOException {
        List<Bundle> bundles = new ArrayList<>();
        for (Path jar : jars(directory)) {
            bundles.add(install(jar));
        }
        return bundles;
    }

    /** The bundle the build just packaged. */
    static Path collectorJar() {
        return Paths.get(System.getProperty("bundle.file", "target/tracker-collector-kafka.jar"));
    }

    /** What the build copied for these tests: {@code distribution/} (api, Jackson), {@code services/} (SCR, ConfigAdmin). */
    static Path testBundles(String folder) {
        return Paths.get(System.getProperty("osgi.bundles.dir", "target/osgi")).resolve(folder);
    }

    static List<Path> jars(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(file -> file.toString().endsWith(".jar")).sorted().toList();
        }
    }

    @Override
    public void close() throws BundleException, InterruptedException {
        framework.stop();
        framework.waitForStop(30_000);
    }
}

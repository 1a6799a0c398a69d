package io.tracker.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Collectors;
import org.apache.felix.framework.Felix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.startlevel.BundleStartLevel;

class SystemBundlesTest {

    @TempDir
    Path temp;

    @Test
    void onlyNumericFoldersAreStartLevels() throws IOException {
        Path system = folders("boot", "1", "2", "12", "notalevel");

        assertThat(SystemBundles.scan(system).highestStartLevel()).isEqualTo(12);
    }

    @Test
    void highestStartLevelComparesNumbersNotNames() throws IOException {
        Path system = folders("9", "10", "2");

        assertThat(SystemBundles.scan(system).highestStartLevel()).isEqualTo(10);
    }

    @Test
    void aFileNamedLikeALevelIsNotALevel() throws IOException {
        Path system = folders("1", "2");
        Files.writeString(system.resolve("40"), "not a folder");

        assertThat(SystemBundles.scan(system).highestStartLevel()).isEqualTo(2);
    }

    @Test
    void emptySystemFolderFailsSayingWhatIsMissing() throws IOException {
        Path system = folders();

        assertThatIllegalStateException()
                .isThrownBy(() -> SystemBundles.scan(system))
                .withMessageContaining(system.toString())
                .withMessageContaining("<start level>")
                .withMessageContaining("No bundles");
    }

    @Test
    void systemFolderWithOnlyNonNumericFoldersFailsToo() throws IOException {
        Path system = folders("boot", "notalevel");
        bundle(system.resolve("boot"), "in.boot.jar", "in.boot", null);

        assertThatIllegalStateException().isThrownBy(() -> SystemBundles.scan(system));
    }

    @Test
    void missingSystemFolderFailsNamingIt() {
        Path system = temp.resolve("system");

        assertThatThrownBy(() -> SystemBundles.scan(system))
                .isInstanceOf(NoSuchFileException.class)
                .hasMessageContaining(system.toString());
    }

    @Test
    void installsEachJarAtItsFolderLevelAndStartsAllButFragments() throws Exception {
        Path system = folders("boot", "1", "2", "12", "notalevel");
        bundle(system.resolve("1"), "b-log.jar", "test.log", null);
        bundle(system.resolve("1"), "a-config.jar", "test.config", null);
        Files.writeString(system.resolve("1").resolve("README.txt"), "not a bundle");
        bundle(system.resolve("2"), "host.jar", "test.host", null);
        bundle(system.resolve("2"), "fragment.jar", "test.fragment", "test.host");
        bundle(system.resolve("12"), "ingestion.jar", "test.ingestion", null);
        bundle(system.resolve("boot"), "boot.jar", "test.boot", null);
        bundle(system.resolve("notalevel"), "stray.jar", "test.stray", null);

        Map<String, Object> properties = new HashMap<>();
        properties.put(Constants.FRAMEWORK_STORAGE, temp.resolve("cache").toString());
        properties.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        Framework framework = new Felix(properties);
        framework.init();
        try {
            SystemBundles.scan(system).install(framework.getBundleContext());

            Map<String, Bundle> installed = Arrays.stream(framework.getBundleContext().getBundles())
                    .filter(bundle -> bundle.getBundleId() != 0)
                    .collect(Collectors.toMap(Bundle::getSymbolicName, bundle -> bundle));
            assertThat(installed).containsOnlyKeys(
                    "test.log", "test.config", "test.host", "test.fragment", "test.ingestion");
            assertThat(installed.get("test.config").getBundleId())
                    .as("jars of one level install in name order")
                    .isLessThan(installed.get("test.log").getBundleId());
            assertThat(startLevel(installed.get("test.log"))).isEqualTo(1);
            assertThat(startLevel(installed.get("test.host"))).isEqualTo(2);
            assertThat(startLevel(installed.get("test.ingestion"))).isEqualTo(12);
            assertThat(persistentlyStarted(installed.get("test.ingestion"))).isTrue();
            assertThat(persistentlyStarted(installed.get("test.host"))).isTrue();
            assertThat(persistentlyStarted(installed.get("test.fragment"))).isFalse();
        } finally {
            framework.stop();
            framework.waitForStop(10_000);
        }
    }

    private Path folders(String... names) throws IOException {
        Path system = Files.createDirectory(temp.resolve("system"));
        for (String name : names) {
            Files.createDirectory(system.resolve(name));
        }
        return system;
    }

    /** The smallest OSGi bundle: a manifest only; a fragment when host is given. */
    private static void bundle(Path folder, String file, String symbolicName, String host) throws IOException {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue(Constants.BUNDLE_MANIFESTVERSION, "2");
        main.putValue(Constants.BUNDLE_SYMBOLICNAME, symbolicName);
        main.putValue(Constants.BUNDLE_VERSION, "1.0.0");
        if (host != null) {
            main.putValue(Constants.FRAGMENT_HOST, host);
        }
        try (OutputStream out = Files.newOutputStream(folder.resolve(file));
             JarOutputStream jar = new JarOutputStream(out, manifest)) {
            jar.flush();
        }
    }

    private static int startLevel(Bundle bundle) {
        return bundle.adapt(BundleStartLevel.class).getStartLevel();
    }

    private static boolean persistentlyStarted(Bundle bundle) {
        return bundle.adapt(BundleStartLevel.class).isPersistentlyStarted();
    }
}

package io.tracker.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.jar.JarFile;
import java.util.regex.Pattern;
import org.apache.felix.framework.Felix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.Version;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.wiring.BundleCapability;
import org.osgi.framework.wiring.BundleWiring;

class FrameworkPropertiesTest {

    private static final List<String> SLF4J_PACKAGES =
            List.of("org.slf4j", "org.slf4j.spi", "org.slf4j.event", "org.slf4j.helpers");

    @TempDir
    Path home;

    @Test
    void remembersTheHome() {
        assertThat(build(true)).containsEntry("tracker.home", home.toString());
    }

    @Test
    void storesTheFrameworkCacheUnderDataCache() {
        assertThat(build(true).get(Constants.FRAMEWORK_STORAGE)).isEqualTo(home.resolve("data/cache").toString());
    }

    @Test
    void cleansTheCacheOnFirstInit() {
        assertThat(build(true).get(Constants.FRAMEWORK_STORAGE_CLEAN))
                .isEqualTo(Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT)
                .isEqualTo("onFirstInit");
    }

    @Test
    void fileInstallWatchesConfigYamlEventTypesAndDeploy() {
        assertThat(build(true).get("felix.fileinstall.dir"))
                .isEqualTo(home.resolve("config") + "," + home.resolve("config").resolve("event-types") + ","
                        + home.resolve("deploy"));
    }

    @Test
    void fileInstallFilterTakesConfigurationsYamlAndBundlesOnly() {
        Pattern filter = Pattern.compile((String) build(true).get("felix.fileinstall.filter"));

        assertThat(List.of("x.cfg", "x.config", "x.jar", "io.tracker.http.cfg", "io.tracker.collector.log-main.cfg",
                "my-plugin-1.0.0.jar", "signup.yaml", "signup.yml"))
                .allSatisfy(name -> assertThat(filter.matcher(name).matches()).as(name).isTrue());
        assertThat(List.of("logback.xml", "README.md", "README.txt", "x.cfg.bak", "x.jar.part", "x.cfg~", "xcfg",
                "x.yaml.swp"))
                .allSatisfy(name -> assertThat(filter.matcher(name).matches()).as(name).isFalse());
    }

    @Test
    void fileInstallNeverWritesConfigurationsBack() {
        assertThat(build(true).get("felix.fileinstall.enableConfigSave")).isEqualTo("false");
    }

    @Test
    void fileInstallKeepsItsTemporaryFilesUnderData() {
        assertThat(build(true).get("felix.fileinstall.tmpdir")).isEqualTo(home.resolve("data/tmp").toString());
    }

    @Test
    void deployedBundlesStartAtFileInstallsLevel() {
        assertThat(build(true).get("felix.fileinstall.start.level"))
                .isEqualTo(Integer.toString(FrameworkProperties.DEPLOY_START_LEVEL));
    }

    @Test
    void beginningStartLevelIsTheHighestSystemLevelButAtLeastTheDeployLevel() {
        assertThat(FrameworkProperties.build(home, 6, true).get(Constants.FRAMEWORK_BEGINNING_STARTLEVEL))
                .isEqualTo("6");
        assertThat(FrameworkProperties.build(home, 1, true).get(Constants.FRAMEWORK_BEGINNING_STARTLEVEL))
                .isEqualTo("3");
    }

    @Test
    void withAConsoleTheShellIsInteractiveButNeverStopsTheFramework() {
        List<String> args = goshArgs(true);

        assertThat(args).contains("--noshutdown").doesNotContain("--nointeractive");
    }

    @Test
    void withoutAConsoleTheShellIsNotInteractiveAndNeverStopsTheFramework() {
        List<String> args = goshArgs(false);

        assertThat(args).contains("--noshutdown", "--nointeractive");
    }

    @Test
    void exportsTheSlf4jPackagesAtVersion2017AndSunMisc() {
        Map<String, String> exported = systemPackagesExtra(build(true));

        assertThat(exported).containsOnlyKeys(Stream.concat(SLF4J_PACKAGES.stream(), Stream.of("sun.misc")).toList());
        SLF4J_PACKAGES.forEach(slf4j -> assertThat(exported).containsEntry(slf4j, "2.0.17"));
    }

    @Test
    void exportedSlf4jVersionIsTheOneOnTheClassPath() throws Exception {
        URL api = org.slf4j.Logger.class.getProtectionDomain().getCodeSource().getLocation();
        String onClassPath;
        try (JarFile jar = new JarFile(Path.of(api.toURI()).toFile())) {
            onClassPath = jar.getManifest().getMainAttributes().getValue("Bundle-Version");
        }

        Map<String, String> exported = systemPackagesExtra(build(true));
        SLF4J_PACKAGES.forEach(slf4j ->
                assertThat(Version.parseVersion(exported.get(slf4j))).isEqualTo(Version.parseVersion(onClassPath)));
    }

    @Test
    void sendsTheFrameworksOwnLogToTheTrackersLog() {
        assertThat(build(true).get("felix.log.logger")).isInstanceOf(FelixLogger.class);
    }

    @Test
    void felixStartsFromThesePropertiesAndExportsSlf4jFromTheSystemBundle() throws Exception {
        Framework framework = new Felix(FrameworkProperties.build(home, 6, false));
        try {
            framework.init();

            assertThat(home.resolve("data/cache")).isDirectory();
            Map<String, Version> exports = new LinkedHashMap<>();
            for (BundleCapability export : framework.adapt(BundleWiring.class).getCapabilities("osgi.wiring.package")) {
                exports.put((String) export.getAttributes().get("osgi.wiring.package"),
                        (Version) export.getAttributes().get("version"));
            }
            assertThat(exports).containsAllEntriesOf(Map.of(
                    "org.slf4j", Version.parseVersion("2.0.17"),
                    "org.slf4j.spi", Version.parseVersion("2.0.17"),
                    "org.slf4j.event", Version.parseVersion("2.0.17"),
                    "org.slf4j.helpers", Version.parseVersion("2.0.17")));
        } finally {
            framework.stop();
            assertThat(framework.waitForStop(10_000).getType()).isEqualTo(FrameworkEvent.STOPPED);
        }
    }

    private Map<String, Object> build(boolean console) {
        return FrameworkProperties.build(home, 6, console);
    }

    private List<String> goshArgs(boolean console) {
        return Arrays.asList(((String) build(console).get("gosh.args")).trim().split("\\s+"));
    }

    /** package name to its version attribute, from the comma-separated org.osgi.framework.system.packages.extra. */
    private static Map<String, String> systemPackagesExtra(Map<String, Object> properties) {
        Map<String, String> packages = new LinkedHashMap<>();
        for (String clause : ((String) properties.get(Constants.FRAMEWORK_SYSTEMPACKAGES_EXTRA)).split(",")) {
            String[] parts = clause.trim().split(";");
            String version = null;
            for (int i = 1; i < parts.length; i++) {
                String[] attribute = parts[i].split("=", 2);
                if (attribute[0].trim().equals("version")) {
                    version = attribute[1].trim().replace("\"", "");
                }
            }
            packages.put(parts[0].trim(), version);
        }
        return packages;
    }
}

package io.tracker.launcher;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.osgi.framework.Constants;

/**
 * The launch properties of the embedded framework. Everything a user tunes lives in {@code config/}; what
 * is here is the fixed wiring of the distribution's layout.
 */
final class FrameworkProperties {

    static final String HOME = "tracker.home";

    /**
     * Start level of bundles dropped into deploy/: the level of FileInstall itself, so its first scan starts
     * them at once, before processing (5) and ingestion (6) start, and they stop after those on shutdown.
     */
    static final int DEPLOY_START_LEVEL = 3;

    /** Packages the launcher's class path provides to bundles: logging is set up before the framework. */
    private static final String SLF4J_PACKAGES = String.join(",",
            "org.slf4j;version=2.0.17", "org.slf4j.spi;version=2.0.17",
            "org.slf4j.event;version=2.0.17", "org.slf4j.helpers;version=2.0.17");
    /** The JDK's {@code sun.misc} (jdk.unsupported), as Karaf exports it: the journal unmaps segments with it. */
    private static final String JDK_UNSUPPORTED_PACKAGES = "sun.misc";

    private FrameworkProperties() {
    }

    static Map<String, Object> build(Path home, int highestStartLevel, boolean console) {
        Map<String, Object> properties = new HashMap<>();
        properties.put(HOME, home.toString());
        properties.put(Constants.FRAMEWORK_STORAGE, home.resolve("data").resolve("cache").toString());
        // config/ and deploy/ are the truth: start from them every time, never from a stale cache
        properties.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        properties.put(Constants.FRAMEWORK_SYSTEMPACKAGES_EXTRA, SLF4J_PACKAGES + "," + JDK_UNSUPPORTED_PACKAGES);
        properties.put(Constants.FRAMEWORK_BEGINNING_STARTLEVEL,
                Integer.toString(Math.max(highestStartLevel, DEPLOY_START_LEVEL)));
        properties.put("felix.log.logger", new FelixLogger());
        properties.put("felix.log.level", "2");

        Path config = home.resolve("config");
        properties.put("felix.fileinstall.dir", config + "," + config.resolve("event-types") + ","
                + home.resolve("deploy"));
        properties.put("felix.fileinstall.filter", ".*\\.(cfg|config|jar|yaml|yml)");
        properties.put("felix.fileinstall.poll", "1000");
        properties.put("felix.fileinstall.noInitialDelay", "true");
        properties.put("felix.fileinstall.start.level", Integer.toString(DEPLOY_START_LEVEL));
        properties.put("felix.fileinstall.tmpdir", home.resolve("data").resolve("tmp").toString());
        properties.put("felix.fileinstall.log.default", "jul");
        properties.put("felix.fileinstall.log.level", "3");
        // values like ${env:TRACKER_HTTP_PORT:-8080} must stay templates in the files, never be written back
        properties.put("felix.fileinstall.enableConfigSave", "false");
        // FELIX-4501: refreshing on optional imports can deadlock FileInstall with itself
        properties.put("felix.fileinstall.optionalImportRefreshScope", "managed");

        // EOF on the console ends the shell only; without a terminal there is no shell at all
        properties.put("gosh.args", console ? "--noshutdown" : "--nointeractive --noshutdown");
        return properties;
    }
}

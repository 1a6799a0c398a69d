package io.tracker.config.yaml.internal;

import java.io.File;
import java.io.IOException;
import java.util.Hashtable;
import org.apache.felix.fileinstall.ArtifactInstaller;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lets FileInstall apply {@code config/event-types/<name>.yaml}: each file becomes the factory
 * configuration {@code io.tracker.eventtype} named {@code yaml-<name>}, exactly what the {@code .cfg}
 * form gives, so both behave alike (errors included: the event type component names the file and key).
 * A file that is not valid YAML is reported and the last good version keeps serving.
 */
@Component(service = ArtifactInstaller.class)
public final class YamlEventTypeInstaller implements ArtifactInstaller {

    static final String FACTORY_PID = "io.tracker.eventtype";
    private static final Logger LOG = LoggerFactory.getLogger(YamlEventTypeInstaller.class);

    private final ConfigurationAdmin configurationAdmin;

    @Activate
    public YamlEventTypeInstaller(@Reference ConfigurationAdmin configurationAdmin) {
        this.configurationAdmin = configurationAdmin;
    }

    @Override
    public boolean canHandle(File artifact) {
        String name = artifact.getName();
        File folder = artifact.getParentFile();
        return (name.endsWith(".yaml") || name.endsWith(".yml")) && folder != null
                && folder.getName().equals("event-types");
    }

    @Override
    public void install(File artifact) throws IOException {
        update(artifact);
    }

    @Override
    public void update(File artifact) throws IOException {
        Hashtable<String, Object> properties;
        try {
            properties = YamlEventType.read(artifact.toPath());
        } catch (IllegalArgumentException e) {
            LOG.error("Event type file rejected, the previous version (if any) stays active: {}", e.getMessage());
            return;
        }
        // lets the event type component name this file in its own errors
        properties.put("felix.fileinstall.filename", artifact.toURI().toString());
        configuration(artifact).update(properties);
        LOG.info("Event type file {} applied", artifact);
    }

    @Override
    public void uninstall(File artifact) throws IOException {
        configuration(artifact).delete();
        LOG.info("Event type file {} removed", artifact);
    }

    private Configuration configuration(File artifact) throws IOException {
        return configurationAdmin.getFactoryConfiguration(FACTORY_PID, "yaml-" + YamlEventType.nameOf(artifact.toPath()),
                "?");
    }

}

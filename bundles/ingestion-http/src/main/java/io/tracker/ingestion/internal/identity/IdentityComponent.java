package io.tracker.ingestion.internal.identity;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Holds the {@link Identity} of the tracker, configured by {@code io.tracker.identity} (defaults apply
 * without a file). A changed configuration swaps the settings in place: the HTTP server keeps running.
 */
@Component(service = IdentityComponent.class, configurationPid = IdentitySettings.PID)
@Designate(ocd = IdentityConfig.class)
public final class IdentityComponent {

    private static final Logger LOG = LoggerFactory.getLogger(IdentityComponent.class);

    private final Identity identity;

    @Activate
    public IdentityComponent(IdentityConfig config) {
        identity = new Identity(IdentitySettings.from(config));
    }

    @Modified
    void modified(IdentityConfig config) {
        try {
            identity.use(IdentitySettings.from(config));
            LOG.info("{}: new settings in use", IdentitySettings.PID);
        } catch (IllegalArgumentException e) {
            LOG.error("{} rejected, the previous settings stay: {}", IdentitySettings.PID, e.getMessage());
        }
    }

    public Identity identity() {
        return identity;
    }
}

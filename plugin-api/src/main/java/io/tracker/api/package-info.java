/**
 * The contract between the tracker and its plugins.
 *
 * <p>A plugin is an OSGi bundle that imports this package only. It registers an
 * {@link io.tracker.api.EventCollector} (where events go) or an {@link io.tracker.api.EventPreprocessor}
 * (how events change on the way) as an OSGi service, under the stable name given by
 * {@link io.tracker.api.PluginProperties}. Which event types a collector receives is configuration,
 * never code.
 *
 * <p>The package follows semantic versioning: a change that breaks a plugin raises the major version.
 */
@Export
@Version("1.1.0")
package io.tracker.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;

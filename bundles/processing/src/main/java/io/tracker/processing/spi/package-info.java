/**
 * What the processing bundle offers to ingestion bundles: routing a hit to its event type and
 * accepting the event built from it. Not for plugins: they use {@code io.tracker.api} only.
 */
@Export
@Version("0.3.0")
package io.tracker.processing.spi;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;

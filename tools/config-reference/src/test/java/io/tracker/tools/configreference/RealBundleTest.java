package io.tracker.tools.configreference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The tool on the processing bundle as bnd built it, when the build has made it (skipped otherwise). */
class RealBundleTest {

    static final Path PROCESSING_JAR = Path.of(System.getProperty("basedir", "."))
            .resolve("../../bundles/processing/target/tracker-processing-0.1.0-SNAPSHOT.jar").normalize();

    @Test
    void documentsTheProcessingBundle() {
        assumeTrue(Files.isRegularFile(PROCESSING_JAR), "not built: " + PROCESSING_JAR);

        String page = ConfigReference.render(List.of(PROCESSING_JAR));

        assertThat(page).contains("- [`io.tracker.processing`](#iotrackerprocessing): ");
        assertThat(page).contains("\n## `io.tracker.processing`\n\nBundle `io.tracker.processing` version `");
        assertThat(page).contains("\n## `io.tracker.eventtype` (factory)\n");
        assertThat(page).containsPattern("\n\\| `journal\\.quota\\.bytes` \\| `Long` \\| `\\d+` \\| yes \\| [^\n]+ \\|\n");
        assertThat(page).doesNotContain("journal_quota_bytes");
    }
}

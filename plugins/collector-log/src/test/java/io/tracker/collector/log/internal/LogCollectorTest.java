package io.tracker.collector.log.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.tracker.api.Event;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The collector as SCR builds it: from a {@link LogCollectorConfig}, without a framework. */
class LogCollectorTest {

    private static final String HOME = "tracker.home";

    @TempDir
    Path temp;

    private String previousHome;
    private LogCollector collector;

    @BeforeEach
    void rememberHome() {
        previousHome = System.getProperty(HOME);
    }

    @AfterEach
    void deactivateAndRestoreHome() throws IOException {
        if (collector != null) {
            collector.deactivate();
        }
        if (previousHome == null) {
            System.clearProperty(HOME);
        } else {
            System.setProperty(HOME, previousHome);
        }
    }

    @Test
    void collectsIntoTheConfiguredAbsoluteDirectory() throws IOException {
        Path events = temp.resolve("events");
        collector = new LogCollector(config(events.toString()));

        collector.collect(List.of(event("e1", "impression"), event("e2", "click")));

        assertThat(events.resolve("impression.jsonl")).content(StandardCharsets.UTF_8).contains("\"id\":\"e1\"");
        assertThat(events.resolve("click.jsonl")).content(StandardCharsets.UTF_8).contains("\"id\":\"e2\"");
    }

    @Test
    void createsTheDirectoryOnActivation() throws IOException {
        Path events = temp.resolve("not").resolve("there").resolve("yet");

        collector = new LogCollector(config(events.toString()));

        assertThat(events).isDirectory();
    }

    @Test
    void relativeDirectoryIsUnderTheTrackerHome() throws IOException {
        Path home = temp.resolve("home");
        System.setProperty(HOME, home.toString());

        collector = new LogCollector(config("data/events"));
        collector.collect(List.of(event("e1", "impression")));

        assertThat(home.resolve("data").resolve("events").resolve("impression.jsonl")).exists();
    }

    @Test
    void absoluteDirectoryIgnoresTheTrackerHome() throws IOException {
        Path home = temp.resolve("home");
        Path elsewhere = temp.resolve("elsewhere");
        System.setProperty(HOME, home.toString());

        collector = new LogCollector(config(elsewhere.toString()));
        collector.collect(List.of(event("e1", "impression")));

        assertThat(elsewhere.resolve("impression.jsonl")).exists();
        assertThat(home).doesNotExist();
    }

    @Test
    void deactivateClosesTheFilesAndANewInstanceAppends() throws IOException {
        Path events = temp.resolve("events");
        LogCollector first = new LogCollector(config(events.toString()));
        first.collect(List.of(event("e1", "impression")));
        first.deactivate();

        collector = new LogCollector(config(events.toString()));
        collector.collect(List.of(event("e2", "impression")));

        assertThat(Files.readAllLines(events.resolve("impression.jsonl"), StandardCharsets.UTF_8))
                .hasSize(2)
                .satisfiesExactly(line -> assertThat(line).contains("\"e1\""), line -> assertThat(line).contains("\"e2\""));
    }

    private static Event event(String id, String type) {
        return Event.builder(id, type, Instant.parse("2026-11-28T10:15:30.123Z")).build();
    }

    private static LogCollectorConfig config(String directory) {
        return TestConfigs.logCollector(java.util.Map.of("directory", directory));
    }
}

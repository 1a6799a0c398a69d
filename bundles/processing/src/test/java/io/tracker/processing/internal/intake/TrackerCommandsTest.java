package io.tracker.processing.internal.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrackerCommandsTest {

    /** Answers with what it was asked. */
    private static final class EchoConsole implements CollectorConsole {
        final List<String> asked = new ArrayList<>();

        @Override
        public String collectors() {
            asked.add("collectors");
            return "the table";
        }

        @Override
        public String replay(String collector, String from) {
            asked.add("replay " + collector + " " + from);
            return "replaying " + collector;
        }

        @Override
        public String reingest(String path) {
            asked.add("reingest " + path);
            return "reingested " + path;
        }
    }

    @Test
    void passesEveryCommandToTheConsole() {
        EchoConsole console = new EchoConsole();
        TrackerCommands commands = new TrackerCommands(console);

        assertThat(commands.collectors()).isEqualTo("the table");
        assertThat(commands.replay("log", "2026-11-28T10:00:00Z")).isEqualTo("replaying log");
        assertThat(commands.reingest("logs/events")).isEqualTo("reingested logs/events");
        assertThat(console.asked).containsExactly("collectors", "replay log 2026-11-28T10:00:00Z",
                "reingest logs/events");
    }
}

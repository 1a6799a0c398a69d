package io.tracker.bench.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunOptionsTest {

    private static final Path ROOT = Path.of("/repo");

    @Test
    void defaultsToTheFullRunOfEverything() {
        RunOptions options = RunOptions.parse(new String[0], ROOT);

        assertThat(options.smoke()).isFalse();
        assertThat(options.targets()).containsExactly("tracker", "nginx", "jetty-peer");
        assertThat(options.scenarios()).containsExactly("pixel", "click", "conversion", "conversion-batch", "mix");
        assertThat(options.reportDir()).isEqualTo(Path.of("/repo/benchmarks/target/report"));
    }

    @Test
    void keepsTheRunOrderWhateverTheOrderAsked() {
        RunOptions options = RunOptions.parse(
                new String[] {"--smoke", "--only", "jetty-peer,tracker", "--scenarios", "mix,pixel", "--out", "out"},
                ROOT);

        assertThat(options.smoke()).isTrue();
        assertThat(options.targets()).containsExactly("tracker", "jetty-peer");
        assertThat(options.scenarios()).containsExactly("pixel", "mix");
        assertThat(options.reportDir()).isEqualTo(Path.of("/repo/out"));
    }

    @Test
    void refusesWhatItDoesNotKnow() {
        assertThatThrownBy(() -> RunOptions.parse(new String[] {"--only", "apache"}, ROOT))
                .hasMessageContaining("unknown target 'apache'");
        assertThatThrownBy(() -> RunOptions.parse(new String[] {"--scenarios"}, ROOT))
                .hasMessageContaining("--scenarios needs a value");
        assertThatThrownBy(() -> RunOptions.parse(new String[] {"--fast"}, ROOT))
                .hasMessageContaining("unknown argument '--fast'");
    }

    @Test
    void everyScenarioHasOneEventCountPerRequestForWrk() {
        for (String name : Scenarios.NAMES) {
            Scenario scenario = Scenarios.named(name);
            assertThat(scenario.eventsPerRequest()).isEqualTo(name.equals("conversion-batch") ? 50 : 1);
        }
        assertThat(Scenarios.named("conversion-batch").requestRateFor(10_000)).isEqualTo(200);
        assertThat(List.of(Scenarios.named("mix").requests().get(0).pathAndQuery())).allMatch(p -> p.startsWith("/i?"));
    }
}

package io.tracker.bench.run.wrk;

import static org.assertj.core.api.Assertions.assertThat;

import io.tracker.bench.load.Request;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WrkScriptTest {

    private static Request request(String path, int weight) {
        return new Request("GET", path, Map.of(), new byte[0], weight, 1);
    }

    @Test
    void aMixIsExpandedByItsReducedWeightsAndInterleaved() {
        List<Request> mix = List.of(request("/i", 80), request("/c", 10), request("/v", 5), request("/cv", 5));

        List<String> rotation = WrkScript.rotation(mix).stream().map(Request::pathAndQuery).toList();

        assertThat(rotation).hasSize(20);
        assertThat(rotation.stream().filter("/i"::equals).count()).isEqualTo(16);
        assertThat(rotation.stream().filter("/c"::equals).count()).isEqualTo(2);
        assertThat(rotation).contains("/v", "/cv");
        // spread out: never more than 8 pixels in a row
        assertThat(String.join(",", rotation)).doesNotContain(String.join(",", java.util.Collections.nCopies(9, "/i")));
    }

    @Test
    void aSingleRequestIsARotationOfOne() {
        assertThat(WrkScript.rotation(List.of(request("/i", 7)))).hasSize(1);
    }

    @Test
    void luaStringsEscapeQuotesBackslashesAndNonAscii() {
        assertThat(WrkScript.luaString("a\"b\\c")).isEqualTo("\"a\\\"b\\\\c\"");
        assertThat(WrkScript.luaString("é\n")).isEqualTo("\"\\195\\169\\010\"");
    }
}

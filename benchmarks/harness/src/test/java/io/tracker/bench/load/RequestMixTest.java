package io.tracker.bench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RequestMixTest {

    private static final URI BASE = URI.create("http://127.0.0.1:8080/");

    private static Request request(String path, int weight) {
        return new Request("GET", path, Map.of(), new byte[0], weight, 1);
    }

    private static List<String> paths(RequestMix mix, int count) {
        List<String> paths = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            paths.add(mix.forIndex(i).uri().getPath());
        }
        return paths;
    }

    @Test
    void interleavesByWeight() {
        RequestMix mix = RequestMix.of(BASE, List.of(request("/a", 6), request("/b", 2)));

        assertThat(mix.cycleLength()).isEqualTo(4);
        assertThat(paths(mix, 8)).containsExactly("/a", "/a", "/b", "/a", "/a", "/a", "/b", "/a");
    }

    @Test
    void keepsProportionsOfAMix() {
        RequestMix mix = RequestMix.of(BASE, List.of(request("/p", 70), request("/c", 20), request("/v", 10)));

        List<String> paths = paths(mix, 1_000);
        assertThat(paths.stream().filter("/p"::equals).count()).isEqualTo(700);
        assertThat(paths.stream().filter("/c"::equals).count()).isEqualTo(200);
        assertThat(paths.stream().filter("/v"::equals).count()).isEqualTo(100);
    }

    @Test
    void scalesHugeWeightsDownWithoutDroppingAny() {
        RequestMix mix = RequestMix.of(BASE, List.of(request("/big", 1_000_003), request("/small", 1)));

        assertThat(mix.cycleLength()).isLessThanOrEqualTo(101);
        assertThat(paths(mix, mix.cycleLength())).contains("/small");
    }

    @Test
    void skipsWeightZeroAndRefusesAnEmptyMix() {
        RequestMix mix = RequestMix.of(BASE, List.of(request("/a", 1), request("/never", 0)));

        assertThat(paths(mix, 10)).containsOnly("/a");
        assertThatThrownBy(() -> RequestMix.of(BASE, List.of(request("/never", 0))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RequestMix.of(BASE, List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void joinsBaseAndPathWithOneSlash() {
        assertThat(new PreparedRequest(URI.create("http://h:1"), request("/i?cid=1", 1)).uri())
                .isEqualTo(URI.create("http://h:1/i?cid=1"));
        assertThat(new PreparedRequest(URI.create("http://h:1/"), request("i?cid=1", 1)).uri())
                .isEqualTo(URI.create("http://h:1/i?cid=1"));
    }
}

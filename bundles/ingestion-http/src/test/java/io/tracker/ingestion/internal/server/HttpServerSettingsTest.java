package io.tracker.ingestion.internal.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HttpServerSettingsTest {

    private static HttpServerSettings settings(int port, long idleTimeoutMs, int maxThreads, int maxHeaderBytes,
                                               long stopTimeoutMs) {
        return new HttpServerSettings("127.0.0.1", port, idleTimeoutMs, maxThreads, maxHeaderBytes, stopTimeoutMs);
    }

    @Test
    void acceptsTheSmallestAllowedValues() {
        HttpServerSettings smallest = settings(0, 1, 8, 1024, 0);

        assertThat(smallest.port()).isZero();
        assertThat(smallest.maxThreads()).isEqualTo(8);
        assertThat(smallest.stopTimeoutMs()).isZero();
        assertThat(smallest.forwarded()).as("forwarding headers are not trusted unless configured").isFalse();
    }

    @Test
    void keepsForwardedWhenSet() {
        assertThat(new HttpServerSettings("127.0.0.1", 8080, 30_000, 200, 8192, 5_000, true).forwarded()).isTrue();
        assertThat(new HttpServerSettings("127.0.0.1", 8080, 30_000, 200, 8192, 5_000, false))
                .isEqualTo(new HttpServerSettings("127.0.0.1", 8080, 30_000, 200, 8192, 5_000));
    }

    @Test
    void forwardedIsOffByDefaultInTheConfiguration() throws Exception {
        assertThat(HttpServerConfig.class.getDeclaredMethod("forwarded").getDefaultValue()).isEqualTo(false);
    }

    @Test
    void acceptsTheHighestPort() {
        assertThatCode(() -> settings(65535, 30_000, 200, 8192, 5_000)).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 65536, Integer.MIN_VALUE})
    void rejectsAPortOutOfRange(int port) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> settings(port, 30_000, 200, 8192, 5_000))
                .withMessage("io.tracker.http: key 'port' = '" + port + "': must be between 0 and 65535");
    }

    @ParameterizedTest
    @ValueSource(longs = {0, -1})
    void rejectsANonPositiveIdleTimeout(long idleTimeoutMs) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> settings(8080, idleTimeoutMs, 200, 8192, 5_000))
                .withMessageStartingWith("io.tracker.http: ")
                .withMessageContaining("'idle.timeout.ms'")
                .withMessageContaining("'" + idleTimeoutMs + "'")
                .withMessageEndingWith("must be positive");
    }

    @Test
    void rejectsFewerThanEightThreads() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> settings(8080, 30_000, 7, 8192, 5_000))
                .withMessage("io.tracker.http: key 'threads.max' = '7': must be at least 8");
    }

    @Test
    void rejectsARequestHeaderLimitBelow1024() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> settings(8080, 30_000, 200, 1023, 5_000))
                .withMessage("io.tracker.http: key 'request.header.max.bytes' = '1023': must be at least 1024");
    }

    @Test
    void rejectsAStopTimeoutOutsideWhatAFifteenSecondStopAllows() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> settings(8080, 30_000, 200, 8192, -1))
                .withMessage("io.tracker.http: key 'stop.timeout.ms' = '-1': must be between 0 and 10000, "
                        + "so that the whole tracker stops within 15 s");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> settings(8080, 30_000, 200, 8192, 10_001))
                .withMessageContaining("'stop.timeout.ms' = '10001'");
    }

    @Test
    void messageKeysAreTheConfigurationKeysOfTheConfigAnnotation() throws Exception {
        // metatype turns '_' in an attribute name into '.', so threads_max is configured as threads.max
        for (String key : new String[] {"idle.timeout.ms", "threads.max", "request.header.max.bytes", "stop.timeout.ms",
            "forwarded"}) {
            assertThat(HttpServerConfig.class.getDeclaredMethod(key.replace('.', '_'))).isNotNull();
        }
    }

    @Test
    void fromCopiesEveryValueOfTheConfiguration() {
        assertThat(HttpServerSettings.from(config(false)))
                .isEqualTo(new HttpServerSettings("10.0.0.1", 9090, 1_234, 16, 4096, 250, false));
        assertThat(HttpServerSettings.from(config(true)))
                .isEqualTo(new HttpServerSettings("10.0.0.1", 9090, 1_234, 16, 4096, 250, true));
    }

    private static HttpServerConfig config(boolean forwarded) {
        return new HttpServerConfig() {
            @Override public Class<HttpServerConfig> annotationType() { return HttpServerConfig.class; }
            @Override public String host() { return "10.0.0.1"; }
            @Override public int port() { return 9090; }
            @Override public long idle_timeout_ms() { return 1_234; }
            @Override public int threads_max() { return 16; }
            @Override public int request_header_max_bytes() { return 4096; }
            @Override public long stop_timeout_ms() { return 250; }
            @Override public boolean forwarded() { return forwarded; }
        };
    }
}

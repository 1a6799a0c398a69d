package io.tracker.ingestion.internal.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.tracker.ingestion.internal.identity.IdentityComponent;
import io.tracker.ingestion.internal.identity.IdentityConfig;
import io.tracker.processing.spi.Acceptance;
import io.tracker.processing.spi.EventIntake;
import io.tracker.processing.spi.Hit;
import io.tracker.processing.spi.Outcome;
import io.tracker.processing.spi.ResponseKind;
import io.tracker.processing.spi.Route;
import java.lang.annotation.Annotation;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The component as SCR would run it: built from a configuration, serving hits, stopped on deactivate. */
class HttpIngestionComponentTest {

    private static final Pattern LISTENING = Pattern.compile("listening for hits on http://127\\.0\\.0\\.1:(\\d+)$");

    private final Logger log = (Logger) LoggerFactory.getLogger(HttpIngestionComponent.class);
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
    private Level previousLevel;

    private final List<String> campaignIds = new CopyOnWriteArrayList<>();
    private final EventIntake intake = new EventIntake() {
        private final Route pixel = new Route() {
            @Override public String eventType() { return "impression"; }
            @Override public String path() { return "/i"; }
            @Override public Set<String> methods() { return Set.of("GET"); }
            @Override public ResponseKind response() { return ResponseKind.PIXEL; }
            @Override public String redirectParameter() { return null; }
            @Override public String redirectFallback() { return null; }
            @Override public int maxBodyBytes() { return 1024; }
            @Override public int maxBatchEvents() { return 10; }
        };

        @Override
        public Route route(String path) {
            return pixel.path().equals(path) ? pixel : null;
        }

        @Override
        public Outcome accept(Route route, Hit hit) {
            campaignIds.add(hit.queryParameter("cid"));
            userIds.add(String.valueOf(hit.userId()));
            clientIps.add(String.valueOf(hit.clientIp()));
            return new Outcome(Acceptance.ACCEPTED, List.of(Outcome.Item.accepted(0, "id-1")));
        }

        @Override
        public boolean mayWait(Route route) {
            return false;
        }
    };
    private final List<String> userIds = new CopyOnWriteArrayList<>();
    private final List<String> clientIps = new CopyOnWriteArrayList<>();
    private final IdentityComponent identity = new IdentityComponent(identityConfig());

    private HttpIngestionComponent component;

    @BeforeEach
    void captureLog() {
        previousLevel = log.getLevel();
        log.setLevel(Level.INFO);
        log.setAdditive(false);
        logged.start();
        log.addAppender(logged);
    }

    @AfterEach
    void deactivateAndRestoreLog() throws Exception {
        if (component != null) {
            component.deactivate();
        }
        log.detachAppender(logged);
        log.setLevel(previousLevel);
        log.setAdditive(true);
    }

    @Test
    void servesHitsOnTheBoundPortItLogs() throws Exception {
        component = new HttpIngestionComponent(intake, identity, config(0, 0));

        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + loggedPort() + "/i?cid=42"))
                        .timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofByteArray());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("image/gif");
        assertThat(response.body()).hasSize(43);
        assertThat(campaignIds).containsExactly("42");
        assertThat(response.headers().firstValue("Set-Cookie")).hasValueSatisfying(cookie ->
                assertThat(cookie).startsWith("tid=" + userIds.get(0) + ";"));
        assertThat(clientIps).containsExactly("127.0.0.1");
    }

    @Test
    void servesTheOptOutEndpointBeforeTheEventTypes() throws Exception {
        component = new HttpIngestionComponent(intake, identity, config(0, 0));

        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + loggedPort() + "/optout"))
                        .timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().allValues("Set-Cookie")).hasSize(2)
                .anySatisfy(cookie -> assertThat(cookie).startsWith("tracker_optout=1;"));
        assertThat(campaignIds).isEmpty();
    }

    @Test
    void trustsForwardingHeadersOnlyWhenConfigured() throws Exception {
        component = new HttpIngestionComponent(intake, identity, config(0, 0, true));

        HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + loggedPort() + "/i?cid=1"))
                        .header("X-Forwarded-For", "203.0.113.9").timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofByteArray());

        assertThat(clientIps).containsExactly("203.0.113.9");
    }

    @Test
    void ignoresForwardingHeadersByDefault() throws Exception {
        component = new HttpIngestionComponent(intake, identity, config(0, 0));

        HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + loggedPort() + "/i?cid=1"))
                        .header("X-Forwarded-For", "203.0.113.9").timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofByteArray());

        assertThat(clientIps).containsExactly("127.0.0.1");
    }

    @Test
    void deactivateStopsListening() throws Exception {
        component = new HttpIngestionComponent(intake, identity, config(0, 0));
        int port = loggedPort();

        component.deactivate();
        component = null;

        assertThatThrownBy(() -> new java.net.Socket("127.0.0.1", port).close()).isInstanceOf(IOException.class);
    }

    @Test
    void invalidConfigurationFailsActivationNamingTheKey() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new HttpIngestionComponent(intake, identity, config(70_000, 0)))
                .withMessageContaining("io.tracker.http")
                .withMessageContaining("'port'")
                .withMessageContaining("70000");
    }

    @Test
    void portInUseFailsActivationAndLogsWhereItCouldNotListen() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            int port = taken.getLocalPort();

            assertThatThrownBy(() -> new HttpIngestionComponent(intake, identity, config(port, 0)))
                    .isInstanceOf(IOException.class);

            assertThat(logged.list)
                    .filteredOn(event -> event.getLevel() == Level.ERROR)
                    .extracting(ILoggingEvent::getFormattedMessage)
                    .singleElement().asString()
                    .startsWith("io.tracker.http: cannot listen on 127.0.0.1:" + port);
        }
    }

    @Test
    void deactivateLogsThePortItListenedOn() throws Exception {
        component = new HttpIngestionComponent(intake, identity, config(0, 0));
        int port = loggedPort();

        component.deactivate();
        component = null;

        assertThat(logged.list).last().extracting(ILoggingEvent::getFormattedMessage).asString()
                .endsWith("stopped listening on port " + port);
    }

    private int loggedPort() {
        return logged.list.stream()
                .map(event -> LISTENING.matcher(event.getFormattedMessage()))
                .filter(Matcher::find)
                .mapToInt(matcher -> Integer.parseInt(matcher.group(1)))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no 'listening' log line in " + logged.list));
    }

    private static HttpServerConfig config(int port, long stopTimeoutMs) {
        return config(port, stopTimeoutMs, false);
    }

    private static HttpServerConfig config(int port, long stopTimeoutMs, boolean forwarded) {
        return new HttpServerConfig() {
            @Override public Class<HttpServerConfig> annotationType() { return HttpServerConfig.class; }
            @Override public String host() { return "127.0.0.1"; }
            @Override public int port() { return port; }
            @Override public long idle_timeout_ms() { return 30_000; }
            @Override public int threads_max() { return 200; }
            @Override public int request_header_max_bytes() { return 8192; }
            @Override public long stop_timeout_ms() { return stopTimeoutMs; }
            @Override public boolean forwarded() { return forwarded; }
        };
    }

    /** The defaults of the identity configuration. */
    private static IdentityConfig identityConfig() {
        return new IdentityConfig() {
            @Override public Class<? extends Annotation> annotationType() { return IdentityConfig.class; }
            @Override public boolean enabled() { return true; }
            @Override public String cookie_name() { return "tid"; }
            @Override public String cookie_domain() { return ""; }
            @Override public long cookie_max_age_s() { return 390L * 24 * 3600; }
            @Override public boolean cookie_secure() { return false; }
            @Override public String optout_path() { return "/optout"; }
            @Override public String optout_cookie_name() { return "tracker_optout"; }
            @Override public boolean honor_dnt() { return false; }
            @Override public boolean honor_gpc() { return true; }
        };
    }
}

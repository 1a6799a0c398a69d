package io.tracker.itests.osgi;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.bundle;
import static org.ops4j.pax.exam.CoreOptions.frameworkStartLevel;
import static org.ops4j.pax.exam.CoreOptions.junitBundles;
import static org.ops4j.pax.exam.CoreOptions.options;
import static org.ops4j.pax.exam.CoreOptions.systemPackages;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import io.tracker.api.Event;
import io.tracker.api.EventCollector;
import io.tracker.api.EventPreprocessor;
import io.tracker.api.PluginProperties;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.inject.Inject;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerMethod;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * The real bundles of the distribution, booted in Felix by Pax Exam: configuration through ConfigAdmin,
 * a hit over real HTTP, and the event at a collector service registered by this test and in the log
 * collector's file.
 *
 * <p>Each test method gets a fresh framework ({@link PerMethod}), so no configuration outlives its test.
 * FileInstall and the Gogo shell are left out: here the test is the configuration source, and the
 * shell would read the build's standard input.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerMethod.class)
public class TrackerInFelixTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    @Inject
    private BundleContext context;

    @Inject
    private ConfigurationAdmin configurationAdmin;

    private final HttpClient http = HttpClient.newHttpClient();
    private Path eventsDirectory;
    private int port;

    @Configuration
    public Option[] configure() throws IOException {
        Path home = io.tracker.itests.install.TrackerHome.unpack(Files.createTempDirectory("tracker-pax"));
        List<Option> options = new ArrayList<>();
        options.add(systemPackages("org.slf4j;version=2.0.17", "org.slf4j.spi;version=2.0.17",
                "org.slf4j.event;version=2.0.17", "org.slf4j.helpers;version=2.0.17"));
        options.add(systemProperty("tracker.home").value(home.toString()));
        options.add(frameworkStartLevel(6));
        // Pax Exam installs pax-logging, which otherwise prints everything at DEBUG
        options.add(systemProperty("org.ops4j.pax.logging.DefaultServiceLog.level").value("WARN"));
        options.add(junitBundles());
        for (int level = 1; level <= 6; level++) {
            Path folder = home.resolve("system").resolve(Integer.toString(level));
            if (!Files.isDirectory(folder)) {
                continue;
            }
            try (Stream<Path> jars = Files.list(folder)) {
                for (Path jar : (Iterable<Path>) jars.sorted()::iterator) {
                    String name = jar.getFileName().toString();
                    if (!name.startsWith("org.apache.felix.fileinstall") && !name.startsWith("org.apache.felix.gogo.shell")) {
                        options.add(bundle(jar.toUri().toString()).startLevel(level));
                    }
                }
            }
        }
        try (Stream<Path> plugins = Files.list(home.resolve("deploy"))) {
            plugins.forEach(jar -> options.add(bundle(jar.toUri().toString()).startLevel(3)));
        }
        return options(options.toArray(new Option[0]));
    }

    @Before
    public void configureTracker() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        eventsDirectory = Files.createTempDirectory("tracker-pax-events");
        configure(configurationAdmin.getConfiguration("io.tracker.http", "?"),
                "host", "127.0.0.1", "port", Integer.toString(port));
        configure(configurationAdmin.getFactoryConfiguration("io.tracker.eventtype", "impression", "?"),
                "name", "impression", "path", "/i", "response", "pixel",
                "dimension.cid", "query:cid", "dimension.crid", "query:crid");
        configure(configurationAdmin.getFactoryConfiguration("io.tracker.collector.log", "test", "?"),
                "event.types", "*", "directory", eventsDirectory.toString());
    }

    @Test
    public void trackerBundlesAreActive() {
        for (String name : List.of("io.tracker.api", "io.tracker.processing", "io.tracker.ingestion",
                "io.tracker.collector.log", "io.tracker.management")) {
            Bundle bundle = installed(name);
            assertNotNull(name + " installed", bundle);
            assertEquals(name + " active", Bundle.ACTIVE, bundle.getState());
        }
    }

    @Test
    public void aPixelHitReachesEveryAttachedCollector() throws Exception {
        BlockingQueue<Event> received = new LinkedBlockingQueue<>();
        ServiceRegistration<EventCollector> probe = registerCollector(uniqueName("probe"), "impression", received);
        awaitHttp();

        HttpResponse<byte[]> response = get("/i?cid=42&crid=7");
        assertEquals(200, response.statusCode());
        assertEquals("image/gif", response.headers().firstValue("Content-Type").orElse(""));
        assertEquals(43, response.body().length);

        Event event = received.poll(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        assertNotNull("the probe collector got the event", event);
        assertEquals("impression", event.type());
        assertEquals("42", event.dimensions().get("cid"));
        assertEquals("7", event.dimensions().get("crid"));
        awaitLine(eventsDirectory.resolve("impression.jsonl"), event.id());

        // a collector that leaves gets nothing more; the others carry on
        probe.unregister();
        assertEquals(200, get("/i?cid=43").statusCode());
        awaitLine(eventsDirectory.resolve("impression.jsonl"), "\"cid\":\"43\"");
        assertNull(received.poll(200, TimeUnit.MILLISECONDS));
    }

    @Test
    public void preprocessorsRunInOrderAndAreReplacedWithoutAFailedHit() throws Exception {
        ServiceRegistration<EventPreprocessor> tag = registerPreprocessor("tag",
                event -> event.toBuilder().dimension("tag", "v1").build());
        registerPreprocessor("second", event -> event.toBuilder()
                .dimension("order", event.dimensions().get("tag") + ">second").build());
        registerPreprocessor("drop-bots", event -> "bot".equals(event.dimensions().get("cid")) ? null : event);
        configure(configurationAdmin.getFactoryConfiguration("io.tracker.eventtype", "impression", "?"),
                "name", "impression", "path", "/i", "dimension.cid", "query:cid",
                "preprocessors", "drop-bots,tag,second");
        BlockingQueue<Event> received = new LinkedBlockingQueue<>();
        registerCollector(uniqueName("probe"), "impression", received);
        awaitHttp();
        Event first;
        do { // the changed event type applies asynchronously
            assertEquals(200, get("/i?cid=first").statusCode());
            first = received.poll(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } while (first != null && first.dimensions().get("tag") == null);
        assertNotNull(first);
        assertEquals("v1>second", first.dimensions().get("order"));
        assertEquals(200, get("/i?cid=bot").statusCode()); // answered, but dropped on purpose

        // replace "tag" while hits flow, as an upgrade of its bundle does: withdrawn, then back as v2
        int hits = 400;
        Thread swap = new Thread(() -> {
            try {
                Thread.sleep(20);
                tag.unregister();
                Thread.sleep(50);
                registerPreprocessor("tag", event -> event.toBuilder().dimension("tag", "v2").build());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        swap.start();
        for (int i = 0; i < hits; i++) {
            assertEquals("hit " + i, 200, get("/i?cid=swap-" + i).statusCode());
        }
        swap.join();
        List<Event> events = new ArrayList<>();
        while (events.size() < hits) {
            Event event = received.poll(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            assertNotNull("event " + events.size() + " of " + hits, event);
            assertTrue("no bot event", !"bot".equals(event.dimensions().get("cid")));
            events.add(event);
        }
        for (Event event : events) {
            String version = event.dimensions().get("tag");
            assertTrue(event.toString(), "v1".equals(version) || "v2".equals(version));
            assertEquals(version + ">second", event.dimensions().get("order"));
        }
        assertEquals("v2", events.get(events.size() - 1).dimensions().get("tag"));
    }

    @Test
    public void removingAnEventTypeConfigurationRemovesItsRoute() throws Exception {
        awaitHttp();
        assertEquals(200, get("/i?cid=1").statusCode());

        configurationAdmin.getFactoryConfiguration("io.tracker.eventtype", "impression", "?").delete();
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        int status;
        do {
            status = get("/i?cid=1").statusCode();
        } while (status != 404 && System.nanoTime() < deadline && sleep());
        assertEquals(404, status);
    }

    /** Test methods share the unpacked home, and with it the journal's cursors: a new name starts fresh. */
    private static String uniqueName(String prefix) {
        return prefix + "-" + java.util.UUID.randomUUID();
    }

    private ServiceRegistration<EventPreprocessor> registerPreprocessor(String name, EventPreprocessor preprocessor) {
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put(PluginProperties.PREPROCESSOR_NAME, name);
        return context.registerService(EventPreprocessor.class, preprocessor, properties);
    }

    private ServiceRegistration<EventCollector> registerCollector(String name, String eventTypes,
                                                                  BlockingQueue<Event> into) {
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put(PluginProperties.COLLECTOR_NAME, name);
        properties.put(PluginProperties.EVENT_TYPES, eventTypes);
        return context.registerService(EventCollector.class, into::addAll, properties);
    }

    private void configure(org.osgi.service.cm.Configuration configuration, String... keysAndValues)
            throws IOException {
        Dictionary<String, Object> properties = new Hashtable<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            properties.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        configuration.update(properties);
    }

    /** Until the server listens with the event type loaded: HEAD is not a method of /i, so 405. */
    private void awaitHttp() throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                HttpRequest head = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/i"))
                        .method("HEAD", HttpRequest.BodyPublishers.noBody()).build();
                if (http.send(head, HttpResponse.BodyHandlers.discarding()).statusCode() == 405) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the tracker did not listen on port " + port + " within " + TIMEOUT);
    }

    private HttpResponse<byte[]> get(String pathAndQuery) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private static void awaitLine(Path file, String containing) throws Exception {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.exists(file) && Files.readAllLines(file).stream().anyMatch(line -> line.contains(containing))) {
                return;
            }
            Thread.sleep(50);
        }
        assertTrue("a line containing " + containing + " in " + file, false);
    }

    private Bundle installed(String symbolicName) {
        for (Bundle bundle : context.getBundles()) {
            if (symbolicName.equals(bundle.getSymbolicName())) {
                return bundle;
            }
        }
        return null;
    }

    private static boolean sleep() throws InterruptedException {
        Thread.sleep(50);
        return true;
    }
}

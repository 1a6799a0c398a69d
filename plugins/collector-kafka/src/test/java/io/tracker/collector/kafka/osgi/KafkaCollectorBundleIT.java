package io.tracker.collector.kafka.osgi;

import static org.assertj.core.api.Assertions.assertThat;

import io.tracker.api.Event;
import io.tracker.api.EventCollector;
import io.tracker.collector.kafka.testing.KafkaBroker;
import io.tracker.collector.kafka.testing.TopicReader;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.wiring.BundleWire;
import org.osgi.framework.wiring.BundleWiring;
import org.osgi.framework.wiring.FrameworkWiring;
import org.osgi.util.tracker.ServiceTracker;

/**
 * The packaged bundle in Apache Felix: it resolves with only what the distribution ships, and, activated by
 * Declarative Services from factory configurations, delivers to a real broker with every compression type,
 * kafka-clients and its codecs running from the bundle's own class path.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class KafkaCollectorBundleIT {

    private static final String COLLECTOR = "io.tracker.collector.kafka";
    private static final String[] COMPRESSIONS = {"lz4", "gzip", "snappy", "zstd", "none"};

    @Test
    void resolvesWithWhatTheDistributionShipsAndKeepsKafkaToItself(@TempDir Path storage) throws Exception {
        try (EmbeddedFelix felix = EmbeddedFelix.start(storage, "")) {
            felix.installAll(EmbeddedFelix.testBundles("distribution"));
            // the Declarative Services extender (SCR) the component requires, as the distribution ships it
            felix.installAll(EmbeddedFelix.testBundles("services"));
            Bundle collector = felix.install(EmbeddedFelix.collectorJar());

            boolean resolved = felix.framework().adapt(FrameworkWiring.class).resolveBundles(List.of(collector));
            if (!resolved) {
                collector.start(); // throws, naming the missing requirement
            }
            assertThat(resolved).as("the collector resolves").isTrue();
            collector.start();
            assertThat(collector.getState()).isEqualTo(Bundle.ACTIVE);

            BundleWiring wiring = collector.adapt(BundleWiring.class);
            Map<String, String> providers = new HashMap<>();
            for (BundleWire wire : wiring.getRequiredWires("osgi.wiring.package")) {
                providers.put((String) wire.getCapability().getAttributes().get("osgi.wiring.package"),
                        wire.getProvider().getBundle().getSymbolicName());
            }
            assertThat(providers)
                    .containsEntry("io.tracker.api", "io.tracker.api")
                    .containsEntry("com.fasterxml.jackson.core", "com.fasterxml.jackson.core.jackson-core")
                    .containsEntry("org.slf4j", "org.apache.felix.framework")
                    .containsEntry("javax.management", "org.apache.felix.framework")
                    .doesNotContainKeys("org.apache.kafka.clients.producer", "net.jpountz.lz4");
            for (String embedded : new String[] {"org.apache.kafka.clients.producer.KafkaProducer",
                "net.jpountz.lz4.LZ4Factory", "org.xerial.snappy.Snappy", "com.github.luben.zstd.Zstd"}) {
                assertThat(collector.loadClass(embedded).getClassLoader()).as(embedded)
                        .isSameAs(wiring.getClassLoader());
            }
            assertThat(collector.getHeaders().get(Constants.EXPORT_PACKAGE)).as("exports nothing").isNull();
        }
    }

    /**
     * Also an in-place update of the bundle, as replacing its jar in deploy/ does: the new revision loads its own
     * kafka-clients and native codecs (the old revision's are still loaded) and delivers again.
     */
    @Test
    void factoryConfigurationsActivateCollectorsThatDeliverWithEveryCompressionTypeAcrossAnUpdate(
            @TempDir Path storage) throws Exception {
        // the test shares io.tracker.api with the framework, to call the collector services directly
        String api = "io.tracker.api;version=1.1.0";
        try (KafkaBroker broker = KafkaBroker.start("bundle-it");
             EmbeddedFelix felix = EmbeddedFelix.start(storage, api)) {
            List<Bundle> bundles = new ArrayList<>(felix.installAll(EmbeddedFelix.testBundles("services")));
            for (Path jar : EmbeddedFelix.jars(EmbeddedFelix.testBundles("distribution"))) {
                if (jar.getFileName().toString().startsWith("jackson-")) {
                    bundles.add(felix.install(jar));
                }
            }
            Bundle collectorBundle = felix.install(EmbeddedFelix.collectorJar());
            bundles.add(collectorBundle);
            for (Bundle bundle : bundles) {
                bundle.start();
            }
            BundleContext context = felix.framework().getBundleContext();
            Collectors collectors = new Collectors(context);
            collectors.open();
            try {
                ConfigurationAdmin admin = new ConfigurationAdmin(context);
                for (String compression : COMPRESSIONS) {
                    admin.createFactoryConfiguration(COLLECTOR, Map.of(
                            "tracker.collector.name", "felix-" + compression,
                            "bootstrap.servers", broker.bootstrapServers(),
                            "topic", "felix-" + compression + ".{type}",
                            "compression.type", compression));
                }
                collectors.await(COMPRESSIONS.length);

                collectWithEveryCollector(context, "first");
                assertEveryTopicHolds(broker, 50);
                ClassLoader firstRevision = collectorBundle.adapt(BundleWiring.class).getClassLoader();
                assertThat(producerThreads()).extracting(Thread::getContextClassLoader)
                        .as("the producers' network threads use the bundle's loader")
                        .hasSize(COMPRESSIONS.length)
                        .allSatisfy(loader -> assertThat(loader).isSameAs(firstRevision));
                List<Thread> firstThreads = producerThreads();

                update(felix, collectorBundle);
                collectors.await(COMPRESSIONS.length);
                collectWithEveryCollector(context, "second");

                assertEveryTopicHolds(broker, 100);
                ClassLoader secondRevision = collectorBundle.adapt(BundleWiring.class).getClassLoader();
                assertThat(secondRevision).isNotSameAs(firstRevision);
                awaitEnded(firstThreads);
                assertThat(producerThreads()).extracting(Thread::getContextClassLoader)
                        .hasSize(COMPRESSIONS.length)
                        .allSatisfy(loader -> assertThat(loader).isSameAs(secondRevision));

                admin.deleteAll();
                collectors.await(0);
                // the service leaves before SCR calls deactivate, which closes the producer and ends its thread
                awaitEnded(producerThreads());
            } finally {
                collectors.close();
            }
        }
    }

    private static void collectWithEveryCollector(BundleContext context, String round) throws Exception {
        for (String compression : COMPRESSIONS) {
            String name = "felix-" + compression;
            ServiceReference<EventCollector> reference = context.getServiceReferences(EventCollector.class,
                    "(tracker.collector.name=" + name + ")").iterator().next();
            assertThat(reference.getProperty("start.position")).isEqualTo("earliest");
            List<Event> batch = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                batch.add(Event.builder(name + "-" + round + "-" + i, "click", Instant.now()).build());
            }
            try {
                context.getService(reference).collect(batch);
            } finally {
                context.ungetService(reference);
            }
        }
    }

    private static void assertEveryTopicHolds(KafkaBroker broker, int count) {
        for (String compression : COMPRESSIONS) {
            List<ConsumerRecord<String, byte[]>> records =
                    TopicReader.readAll(broker.bootstrapServers(), "felix-" + compression + ".click");
            assertThat(records).as(compression).hasSize(count)
                    .allSatisfy(record -> assertThat(record.key()).startsWith("felix-" + compression + "-"));
        }
    }

    /** Updates the bundle from the same jar and refreshes it, as FileInstall does for a replaced jar. */
    private static void update(EmbeddedFelix felix, Bundle bundle) throws Exception {
        try (InputStream jar = Files.newInputStream(EmbeddedFelix.collectorJar())) {
            bundle.update(jar);
        }
        CountDownLatch refreshed = new CountDownLatch(1);
        felix.framework().adapt(FrameworkWiring.class).refreshBundles(List.of(bundle), event -> refreshed.countDown());
        assertThat(refreshed.await(30, TimeUnit.SECONDS)).as("refreshed").isTrue();
    }

    private static void awaitEnded(List<Thread> threads) throws InterruptedException {
        for (Thread thread : threads) {
            thread.join(TimeUnit.SECONDS.toMillis(30));
            assertThat(thread.isAlive()).as("%s after deactivation", thread.getName()).isFalse();
        }
    }

    /**
     * Tracks collector services and lets a test wait for a number of them. It counts in its own callbacks: the
     * tracker's size() changes only after addingService returns, too late for a waiter woken from it.
     */
    private static final class Collectors extends ServiceTracker<EventCollector, EventCollector> {

        private int count;

        Collectors(BundleContext context) {
            super(context, EventCollector.class, null);
        }

        @Override
        public EventCollector addingService(ServiceReference<EventCollector> reference) {
            EventCollector service = super.addingService(reference);
            changed(+1);
            return service;
        }

        @Override
        public void removedService(ServiceReference<EventCollector> reference, EventCollector service) {
            super.removedService(reference, service);
            changed(-1);
        }

        private synchronized void changed(int delta) {
            count += delta;
            notifyAll();
        }

        synchronized void await(int expected) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (count != expected) {
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                assertThat(left).as("%s collector services instead of %s", count, expected).isPositive();
                wait(left);
            }
        }
    }

    private static List<Thread> producerThreads() {
        List<Thread> threads = new ArrayList<>();
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.getName().startsWith("kafka-producer-network-thread | tracker-felix-")) {
                threads.add(thread);
            }
        }
        return threads;
    }

    /**
     * ConfigAdmin through reflection: its API lives in the ConfigAdmin bundle, not on the test's class path.
     */
    private static final class ConfigurationAdmin {
        private final Object admin;
        private final Class<?> adminType;
        private final Class<?> configurationType;
        private final List<Object> created = new ArrayList<>();

        ConfigurationAdmin(BundleContext context) throws Exception {
            ServiceReference<?> reference = context.getServiceReference("org.osgi.service.cm.ConfigurationAdmin");
            assertThat(reference).as("ConfigAdmin is running").isNotNull();
            this.admin = context.getService(reference);
            this.adminType = reference.getBundle().loadClass("org.osgi.service.cm.ConfigurationAdmin");
            this.configurationType = reference.getBundle().loadClass("org.osgi.service.cm.Configuration");
        }

        void createFactoryConfiguration(String factoryPid, Map<String, Object> properties) throws Exception {
            Object configuration = adminType.getMethod("createFactoryConfiguration", String.class, String.class)
                    .invoke(admin, factoryPid, "?");
            Dictionary<String, Object> dictionary = new Hashtable<>(properties);
            configurationType.getMethod("update", Dictionary.class).invoke(configuration, dictionary);
            created.add(configuration);
        }

        void deleteAll() throws Exception {
            for (Object configuration : created) {
                configurationType.getMethod("delete").invoke(configuration);
            }
        }
    }
}

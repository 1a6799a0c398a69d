package io.tracker.collector.kafka.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;

/**
 * A real single-node Kafka, broker and KRaft controller in one process, run as a separate JVM the way an
 * operator runs it ({@code kafka.tools.StorageTool format}, then {@code kafka.Kafka server.properties}), on free
 * loopback ports with its own log directory. It can be stopped (killed, as in a crash) and restarted on the same
 * ports and data, to test what a client does during an outage.
 *
 * <p>The broker's class path is this module's test class path, written by the build to
 * {@code target/kafka-broker/classpath.txt} ({@code kafka_2.13} and its dependencies; Logback is its SLF4J
 * provider). Its output goes to {@code target/kafka-broker/<name>-<port>/broker.log}. The process is killed on
 * {@link #close()} and, should a test run end without it, by a JVM shutdown hook.
 */
public final class KafkaBroker implements AutoCloseable {

    private static final Duration FORMAT_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private final Path directory;
    private final Path properties;
    private final Path log;
    private final String classPath;
    private final int port;
    private final Thread killOnExit = new Thread(this::kill, "kafka-broker-kill-on-exit");
    private Process process;

    private KafkaBroker(Path directory, String classPath, int port) {
        this.directory = directory;
        this.properties = directory.resolve("server.properties");
        this.log = directory.resolve("broker.log");
        this.classPath = classPath;
        this.port = port;
    }

    /**
     * Formats a new log directory and starts the broker; returns once it answers a client.
     *
     * @param name names the directory under {@code target/kafka-broker}, for finding the log of a failed test
     */
    public static KafkaBroker start(String name) throws IOException, InterruptedException {
        Path base = Paths.get(System.getProperty("kafka.broker.dir", "target/kafka-broker")).toAbsolutePath();
        int[] ports = freePorts(2);
        Path directory = Files.createDirectories(base.resolve(name + "-" + ports[0]));
        KafkaBroker broker = new KafkaBroker(directory, classPath(base), ports[0]);
        broker.writeConfiguration(ports[1]);
        broker.format();
        Runtime.getRuntime().addShutdownHook(broker.killOnExit);
        broker.launch();
        return broker;
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public Path logFile() {
        return log;
    }

    /** Kills the broker at once, as a crash would; the data directory stays for {@link #restart()}. */
    public void stop() {
        kill();
    }

    /** Starts the broker again on the same ports and data; returns once it answers a client. */
    public void restart() throws IOException, InterruptedException {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException("the broker is running");
        }
        launch();
    }

    /** Kills the broker and deletes its data; its log stays in target/ for the curious. */
    @Override
    public void close() throws IOException {
        kill();
        try {
            Runtime.getRuntime().removeShutdownHook(killOnExit);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down: the hook runs anyway, and kill() is idempotent
        }
        Path data = directory.resolve("data");
        if (Files.exists(data)) {
            try (Stream<Path> files = Files.walk(data)) {
                for (Path file : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }

    private void writeConfiguration(int controllerPort) throws IOException {
        String listeners = "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort;
        List<String> lines = List.of(
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
                "listeners=" + listeners,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "log.dirs=" + directory.resolve("data"),
                // several partitions, so keys decide where records go, as in production
                "num.partitions=3",
                "auto.create.topics.enable=true",
                "offsets.topic.replication.factor=1",
                "offsets.topic.num.partitions=1",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                // after a kill the controller refuses the restarted broker until the old session expires
                "broker.session.timeout.ms=2000",
                "broker.heartbeat.interval.ms=500");
        Files.write(properties, lines, StandardCharsets.UTF_8);
        Files.writeString(directory.resolve("logback.xml"), String.join("\n",
                "<configuration>",
                "  <appender name=\"OUT\" class=\"ch.qos.logback.core.ConsoleAppender\">",
                "    <encoder><pattern>%d{HH:mm:ss.SSS} %-5level [%thread] %logger{36} - %msg%n</pattern></encoder>",
                "  </appender>",
                "  <root level=\"INFO\"><appender-ref ref=\"OUT\"/></root>",
                "</configuration>"), StandardCharsets.UTF_8);
    }

    private void format() throws IOException, InterruptedException {
        Process format = java("kafka.tools.StorageTool", "format", "-t", Uuid.randomUuid().toString(),
                "-c", properties.toString()).start();
        if (!format.waitFor(FORMAT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
            format.destroyForcibly();
            throw new IOException("kafka.tools.StorageTool format did not finish within " + FORMAT_TIMEOUT + "; see " + log);
        }
        if (format.exitValue() != 0) {
            throw new IOException("kafka.tools.StorageTool format failed with " + format.exitValue() + ":\n" + tail());
        }
    }

    private void launch() throws IOException, InterruptedException {
        process = java("kafka.Kafka", properties.toString()).start();
        awaitReady();
    }

    /** A broker JVM sized for a 2-core CI machine: small heap, serial GC, quick start over peak speed. */
    private ProcessBuilder java(String mainClass, String... arguments) {
        List<String> command = new ArrayList<>(List.of(
                Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xms64m", "-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xshare:auto",
                "-Djava.awt.headless=true",
                "-Dlogback.configurationFile=" + directory.resolve("logback.xml"),
                "-cp", classPath, mainClass));
        command.addAll(List.of(arguments));
        return new ProcessBuilder(command)
                .directory(directory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    }

    /** Ready when a client gets the cluster's nodes; a broker that dies meanwhile fails at once, with its log. */
    private void awaitReady() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 2_000,
                AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 200))) {
            while (true) {
                if (!process.isAlive()) {
                    throw new IOException("the Kafka broker exited with " + process.exitValue() + ":\n" + tail());
                }
                try {
                    if (!admin.describeCluster().nodes().get(2, TimeUnit.SECONDS).isEmpty()) {
                        return;
                    }
                } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                    // not listening yet: ask again until the deadline
                }
                if (System.nanoTime() > deadline) {
                    kill();
                    throw new IOException("the Kafka broker did not answer within " + START_TIMEOUT + ":\n" + tail());
                }
            }
        }
    }

    private synchronized void kill() {
        Process running = process;
        if (running != null && running.isAlive()) {
            running.destroyForcibly();
            try {
                running.waitFor(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private String tail() {
        try {
            List<String> lines = Files.exists(log) ? Files.readAllLines(log, StandardCharsets.UTF_8) : List.of();
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String classPath(Path base) throws IOException {
        Path file = base.resolve("classpath.txt");
        // an IDE run without the build's file: this JVM's own class path has the broker too
        return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8).trim()
                : System.getProperty("java.class.path");
    }

    /** Binds them all at once so that no two are the same, then releases them for the broker. */
    private static int[] freePorts(int count) throws IOException {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            int[] ports = new int[count];
            for (int i = 0; i < count; i++) {
                ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                sockets.add(socket);
                ports[i] = socket.getLocalPort();
            }
            return ports;
        } finally {
            for (ServerSocket socket : sockets) {
                socket.close();
            }
        }
    }

    @Override
    public String toString() {
        return "Kafka broker " + bootstrapServers() + " (" + directory + File.separator + ")";
    }
}

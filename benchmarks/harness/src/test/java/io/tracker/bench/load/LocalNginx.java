package io.tracker.bench.load;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * nginx answering every request with a 6-byte body, as a single process on a free localhost port: the
 * fastest server at hand, so that a test loading it measures the generator rather than the server.
 */
final class LocalNginx implements AutoCloseable {

    private static final String[] BINARIES = {"/usr/sbin/nginx", "/usr/bin/nginx", "/usr/local/sbin/nginx"};

    private final Process process;
    private final int port;

    private LocalNginx(Path binary, Path directory) throws IOException, InterruptedException {
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        Files.createDirectories(directory.resolve("logs"));
        Files.writeString(directory.resolve("nginx.conf"), """
                worker_processes 1;
                daemon off;
                master_process off;
                pid %1$s/nginx.pid;
                error_log %1$s/logs/error.log;
                events { worker_connections 1024; }
                http {
                  access_log off;
                  client_body_temp_path %1$s; proxy_temp_path %1$s; fastcgi_temp_path %1$s;
                  uwsgi_temp_path %1$s; scgi_temp_path %1$s;
                  server {
                    listen 127.0.0.1:%2$d;
                    location / { default_type image/gif; return 200 "GIF89a"; }
                  }
                }
                """.formatted(directory.toAbsolutePath(), port));
        process = new ProcessBuilder(binary.toString(), "-p", directory.toAbsolutePath().toString(),
                "-e", directory.resolve("logs/error.log").toAbsolutePath().toString(),
                "-c", directory.resolve("nginx.conf").toAbsolutePath().toString())
                .redirectErrorStream(true)
                .redirectOutput(directory.resolve("logs/console.log").toFile())
                .start();
        awaitListening();
    }

    /** nginx from the usual places, or empty when it is not installed. */
    static Optional<Path> binary() {
        for (String candidate : BINARIES) {
            if (Files.isExecutable(Path.of(candidate))) {
                return Optional.of(Path.of(candidate));
            }
        }
        return Optional.empty();
    }

    static LocalNginx start(Path binary, Path directory) throws IOException, InterruptedException {
        return new LocalNginx(binary, directory);
    }

    URI base() {
        return URI.create("http://127.0.0.1:" + port);
    }

    private void awaitListening() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                if (!process.isAlive() || System.nanoTime() > deadline) {
                    close();
                    throw new IOException("nginx did not start listening on " + port + ": " + notYet, notYet);
                }
                Thread.sleep(20);
            }
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}

package io.tracker.bench.run.targets;

import static org.assertj.core.api.Assertions.assertThat;

import io.tracker.bench.load.Request;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The generated configuration on the real nginx (installed with wrk: apt-get install -y wrk nginx-light). */
class NginxTargetTest {

    @TempDir
    Path home;

    @Test
    void answersAGifWithTwoWorkersLogsEachHitAndStopsEntirely() throws Exception {
        List<Target> registered = new ArrayList<>();
        Request pixel = new Request("GET", "/i?cid=1", Map.of("User-Agent", "Mozilla/5.0 test"), new byte[0], 1, 1);

        List<Long> pids;
        try (NginxTarget nginx = NginxTarget.start(home.resolve("nginx"), List.of(pixel), registered::add)) {
            assertThat(registered).containsExactly(nginx);
            HttpResponse<byte[]> answer = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(nginx.base() + "/i?cid=2")).header("User-Agent", "Mozilla/5.0 test")
                            .build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(answer.headers().firstValue("Content-Type")).contains("image/gif");
            assertThat(answer.body()).hasSize(43);
            pids = nginx.pids();
            assertThat(pids).hasSize(3); // the master and two workers
            assertThat(nginx.gcLog()).isNull();
            assertThat(nginx.eventDirectory()).isEmpty();
        }

        assertThat(pids).allSatisfy(pid -> assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive)).isEmpty());
        // stopped: the 64 KB buffer is flushed, the probe's hit and the test's are there
        assertThat(Files.readAllLines(home.resolve("nginx/logs/hits.jsonl")))
                .hasSize(2).allSatisfy(line -> assertThat(line).startsWith("{\"time\":").contains("Mozilla/5.0 test",
                        "/i?cid="));
    }
}

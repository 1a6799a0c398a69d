package io.tracker.collector.log.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.tracker.api.Event;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rolling, compression, file name patterns, field filters, torn lines and redelivery after a crash. */
class RollingAndRedeliveryTest {

    private static final Instant T0 = Instant.parse("2026-11-28T10:15:30Z");

    @TempDir
    Path dir;

    @Test
    void eventsRedeliveredAfterACrashAreNotWrittenTwice() throws Exception {
        JsonLinesWriter before = writer(settings("{type}.jsonl", 0, LogFileSettings.RollInterval.NONE), T0);
        before.write(events("impression", 0, 10));
        // a crash: the writer is never closed, the tracker redelivers the last two batches after restart

        JsonLinesWriter after = writer(settings("{type}.jsonl", 0, LogFileSettings.RollInterval.NONE), T0);
        after.write(events("impression", 5, 15));
        after.close();

        assertThat(ids(dir.resolve("impression.jsonl"))).containsExactlyElementsOf(idRange(0, 15));
        assertThat(after.duplicatesSkipped()).isEqualTo(5);
    }

    @Test
    void aTornLastLineIsCutWhenTheFileIsOpenedAgain() throws Exception {
        JsonLinesWriter first = writer(settings("{type}.jsonl", 0, LogFileSettings.RollInterval.NONE), T0);
        first.write(events("click", 0, 3));
        first.close();
        Files.writeString(dir.resolve("click.jsonl"), "{\"id\":\"half", java.nio.file.StandardOpenOption.APPEND);

        JsonLinesWriter second = writer(settings("{type}.jsonl", 0, LogFileSettings.RollInterval.NONE), T0);
        second.write(events("click", 3, 4));
        second.close();

        assertThat(Files.readAllLines(dir.resolve("click.jsonl"))).hasSize(4).allMatch(line -> line.endsWith("}"));
    }

    @Test
    void rollsBySizeBeforeTheNextBatchAndCompresses() throws Exception {
        JsonLinesWriter writer = writer(settings("{type}.jsonl", 500, LogFileSettings.RollInterval.NONE), T0);
        for (int batch = 0; batch < 4; batch++) {
            writer.write(events("impression", batch * 5, batch * 5 + 5));
        }
        writer.close();

        List<Path> rolled = files(".gz");
        assertThat(rolled).isNotEmpty().allMatch(p -> p.getFileName().toString().matches(
                "impression-20261128-101530(-\\d+)?\\.jsonl\\.gz"));
        List<String> all = new ArrayList<>();
        for (Path gz : rolled) {
            all.addAll(gunzipIds(gz));
        }
        all.addAll(ids(dir.resolve("impression.jsonl")));
        assertThat(all).containsExactlyInAnyOrderElementsOf(idRange(0, 20));
        assertThat(files(".part")).isEmpty();
    }

    @Test
    void rollsDailyWhenTheDateChanges() throws Exception {
        MutableClock clock = new MutableClock(T0);
        JsonLinesWriter writer = new JsonLinesWriter(settings("{type}.jsonl", 0, LogFileSettings.RollInterval.DAILY),
                clock);
        writer.write(events("impression", 0, 3));
        clock.now = T0.plusSeconds(3600);
        writer.write(events("impression", 3, 6));
        assertThat(files(".gz")).isEmpty();
        clock.now = Instant.parse("2026-11-29T00:00:01Z");
        writer.write(events("impression", 6, 9));
        writer.close();

        assertThat(files(".gz")).hasSize(1);
        assertThat(ids(dir.resolve("impression.jsonl"))).containsExactlyElementsOf(idRange(6, 9));
    }

    @Test
    void thePatternPlacesFilesByTypeDateHourAndNode() throws Exception {
        JsonLinesWriter writer = writer(settings("{date}/{type}-{hour}-{node}.jsonl", 0,
                LogFileSettings.RollInterval.NONE), T0);
        writer.write(events("video", 0, 2));
        writer.close();

        assertThat(ids(dir.resolve("2026-11-28/video-10-edge1.jsonl"))).containsExactly("e-0", "e-1");
    }

    @Test
    void excludedFieldsNeverReachTheFile() throws Exception {
        LogFileSettings settings = new LogFileSettings(dir, "{type}.jsonl", 0, LogFileSettings.RollInterval.NONE,
                false, true, Set.of(), Set.of("ip", "price"), "edge1");
        JsonLinesWriter writer = writer(settings, T0);
        writer.write(List.of(Event.builder("e-1", "impression", T0).dimension("ip", "203.0.113.7")
                .dimension("cid", "42").metric("price", 1.5).metric("n", 1L).build()));
        writer.close();

        String line = Files.readString(dir.resolve("impression.jsonl"));
        assertThat(line).contains("\"cid\":\"42\"", "\"n\":1").doesNotContain("203.0.113.7", "price");
    }

    @Test
    void anIncludeListKeepsOnlyTheNamedFields() throws Exception {
        LogFileSettings settings = new LogFileSettings(dir, "{type}.jsonl", 0, LogFileSettings.RollInterval.NONE,
                false, false, Set.of("cid"), Set.of(), "edge1");
        JsonLinesWriter writer = writer(settings, T0);
        writer.write(List.of(Event.builder("e-1", "impression", T0).dimension("ip", "x").dimension("cid", "42")
                .metric("price", 1.5).build()));
        writer.close();

        assertThat(Files.readString(dir.resolve("impression.jsonl")))
                .contains("\"dimensions\":{\"cid\":\"42\"},\"metrics\":{}");
    }

    @Test
    void unsafePatternsAreRefusedNamingTheKey() {
        for (String pattern : new String[] {"../{type}.jsonl", "/etc/{type}", "events.jsonl", "{type} x.jsonl"}) {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> settings(pattern, 0, LogFileSettings.RollInterval.NONE))
                    .withMessageContaining("io.tracker.collector.log: key 'file.pattern'");
        }
    }

    @Test
    void theCollectorReadsEveryKeyFromItsConfiguration() {
        LogFileSettings settings = LogCollector.settings(TestConfigs.logCollector(Map.of(
                "directory", dir.toString(), "file_pattern", "{type}-{node}.jsonl", "roll_bytes", 1024L,
                "roll_interval", "hourly", "gzip", false, "fsync", true, "fields_exclude", "ip, uid",
                "node", "edge7")));

        assertThat(settings.directory()).isEqualTo(dir);
        assertThat(settings.filePattern()).isEqualTo("{type}-{node}.jsonl");
        assertThat(settings.rollBytes()).isEqualTo(1024);
        assertThat(settings.rollInterval()).isEqualTo(LogFileSettings.RollInterval.HOURLY);
        assertThat(settings.gzip()).isFalse();
        assertThat(settings.fsync()).isTrue();
        assertThat(settings.exclude()).containsExactlyInAnyOrder("ip", "uid");
        assertThat(settings.node()).isEqualTo("edge7");
        assertThatIllegalArgumentException().isThrownBy(() -> LogCollector.settings(TestConfigs.logCollector(Map.of(
                "directory", dir.toString(), "roll_interval", "weekly"))))
                .withMessageContaining("key 'roll.interval' = 'weekly'");
    }

    private LogFileSettings settings(String pattern, long rollBytes, LogFileSettings.RollInterval interval) {
        return new LogFileSettings(dir, pattern, rollBytes, interval, true, false, Set.of(), Set.of(), "edge1");
    }

    private static JsonLinesWriter writer(LogFileSettings settings, Instant now) throws IOException {
        return new JsonLinesWriter(settings, Clock.fixed(now, ZoneOffset.UTC));
    }

    private static List<Event> events(String type, int from, int to) {
        List<Event> events = new ArrayList<>();
        for (int i = from; i < to; i++) {
            events.add(Event.builder("e-" + i, type, T0).dimension("cid", "c" + i).build());
        }
        return events;
    }

    private static List<String> idRange(int from, int to) {
        List<String> ids = new ArrayList<>();
        for (int i = from; i < to; i++) {
            ids.add("e-" + i);
        }
        return ids;
    }

    private static List<String> ids(Path file) throws IOException {
        return idsOf(Files.readAllLines(file));
    }

    private static List<String> gunzipIds(Path file) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            return idsOf(List.of(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")));
        }
    }

    private static List<String> idsOf(List<String> lines) {
        return lines.stream().filter(line -> !line.isEmpty())
                .map(line -> line.substring(7, line.indexOf('"', 7))).toList();
    }

    private List<Path> files(String suffix) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            return all.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
        }
    }

    /** A clock the test moves. */
    private static final class MutableClock extends Clock {
        Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}

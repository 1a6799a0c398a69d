package io.tracker.itests.distribution;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** Reads what the log collector wrote: {@code data/events/<type>.jsonl}, one JSON object per line. */
public final class EventFiles {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path directory;

    public EventFiles(Path home) {
        this.directory = home.resolve("data/events");
    }

    public List<JsonNode> read(String type) {
        Path file = directory.resolve(type + ".jsonl");
        if (!Files.exists(file)) {
            return List.of();
        }
        try {
            List<JsonNode> events = new ArrayList<>();
            String content = Files.readString(file);
            // as a tailing reader does: only lines already ended by '\n'; the collector may be mid-write
            int end = content.lastIndexOf('\n');
            for (String line : content.substring(0, end + 1).split("\n")) {
                if (!line.isEmpty()) {
                    events.add(JSON.readTree(line)); // a complete line that is not JSON fails here
                }
            }
            return events;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The {@code cid} dimensions of every event of the type written so far. */
    public java.util.Set<String> campaignIds(String type) {
        java.util.Set<String> ids = new java.util.HashSet<>();
        read(type).forEach(event -> ids.add(event.at("/dimensions/cid").asText()));
        return ids;
    }

    /** Polls until every {@code cid} in {@code expected} was written for the type. */
    public void awaitAll(String type, java.util.Set<String> expected, Duration timeout) throws InterruptedException {
        awaitAll(new String[] {type}, expected, timeout);
    }

    /** Polls until every {@code cid} in {@code expected} was written, for one type or another of {@code types}. */
    public void awaitAll(String[] types, java.util.Set<String> expected, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            java.util.Set<String> missing = new java.util.HashSet<>(expected);
            for (String type : types) {
                missing.removeAll(campaignIds(type));
            }
            if (missing.isEmpty()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError(missing.size() + " of " + expected.size() + " acknowledged events never "
                        + "reached data/events, e.g. " + missing.stream().limit(5).toList());
            }
            Thread.sleep(200);
        }
    }

    /** Polls until an event of the type matches, as a reader tailing the file would. */
    public JsonNode await(String type, Predicate<JsonNode> match, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            for (JsonNode event : read(type)) {
                if (match.test(event)) {
                    return event;
                }
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no matching " + type + " event within " + timeout + "; have " + read(type));
            }
            Thread.sleep(50);
        }
    }
}

package io.tracker.collector.banker.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The test banker's books, by the rules of docs/banker-api.yaml: a report is applied once per idempotency
 * key, each event once per (type, id) whatever key carries it, and each application is all or nothing. The
 * ledger can be saved and loaded, which is how {@link TestBanker#restart()} simulates a banker restart.
 *
 * <p>Thread-safe: one lock, as a database transaction would serialise two reports.
 */
final class BankerLedger {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The line a total belongs to. */
    record Line(String account, String campaign, String lineItem, String currency) implements Comparable<Line> {
        @Override
        public int compareTo(Line other) {
            return toString().compareTo(other.toString());
        }
    }

    /** An answer: status and body. */
    record Answer(int status, ObjectNode body) {
    }

    private record AppliedKey(JsonNode body, ObjectNode answer) {
    }

    private final Map<String, AppliedKey> keys = new HashMap<>();
    private final Set<String> countedEvents = new HashSet<>();
    private final Map<Line, Long> totals = new TreeMap<>();

    /** Steps 4 and 5 of the contract; the body was validated before. */
    synchronized Answer apply(String key, JsonNode body) {
        AppliedKey previous = keys.get(key);
        if (previous != null) {
            if (previous.body().equals(body)) {
                return new Answer(200, previous.answer().deepCopy().put("replayed", true));
            }
            return new Answer(409, error("key_conflict", "idempotency key " + key + " was applied with another body"));
        }
        // computed first, committed after: all or nothing
        Map<Line, Long> newTotals = new HashMap<>();
        Set<String> newEvents = new HashSet<>();
        ObjectNode answer = JSON.createObjectNode().put("idempotency_key", key).put("replayed", false);
        ArrayNode lineResults = JSON.createArrayNode();
        long applied = 0;
        long duplicate = 0;
        for (JsonNode line : body.get("lines")) {
            Line total = new Line(line.get("account").textValue(), line.get("campaign").textValue(),
                    line.get("line_item").textValue(), line.get("currency").textValue());
            long lineAmount = 0;
            long lineApplied = 0;
            long lineDuplicate = 0;
            for (JsonNode event : line.get("events")) {
                String identity = event.get("type").textValue() + '\n' + event.get("id").textValue();
                if (countedEvents.contains(identity) || !newEvents.add(identity)) {
                    lineDuplicate++;
                } else {
                    lineApplied++;
                    lineAmount = Math.addExact(lineAmount, event.get("amount_micros").longValue());
                }
            }
            newTotals.merge(total, lineAmount, Math::addExact);
            applied += lineApplied;
            duplicate += lineDuplicate;
            lineResults.addObject().put("account", total.account()).put("campaign", total.campaign())
                    .put("line_item", total.lineItem()).put("currency", total.currency())
                    .put("amount_applied_micros", lineAmount).put("events_applied", lineApplied)
                    .put("events_duplicate", lineDuplicate);
        }
        Map<Line, Long> committed = new HashMap<>(totals);
        newTotals.forEach((line, amount) -> committed.merge(line, amount, Math::addExact));
        totals.putAll(committed);
        countedEvents.addAll(newEvents);
        answer.put("events_applied", applied).put("events_duplicate", duplicate).set("lines", lineResults);
        keys.put(key, new AppliedKey(body.deepCopy(), answer.deepCopy()));
        return new Answer(201, answer);
    }

    synchronized long total(String account, String campaign, String lineItem, String currency) {
        return totals.getOrDefault(new Line(account, campaign, lineItem, currency), 0L);
    }

    /** Every line's total, lines with nothing counted left out. */
    synchronized Map<Line, Long> totals() {
        Map<Line, Long> nonZero = new TreeMap<>();
        totals.forEach((line, amount) -> {
            if (amount != 0) {
                nonZero.put(line, amount);
            }
        });
        return nonZero;
    }

    synchronized int countedEvents() {
        return countedEvents.size();
    }

    synchronized boolean counted(String type, String id) {
        return countedEvents.contains(type + '\n' + id);
    }

    synchronized int appliedKeys() {
        return keys.size();
    }

    static ObjectNode error(String code, String message) {
        return JSON.createObjectNode().put("error", code).put("message", message);
    }

    synchronized void save(Path file) {
        ObjectNode state = JSON.createObjectNode();
        ObjectNode savedKeys = state.putObject("keys");
        keys.forEach((key, applied) -> savedKeys.putObject(key).<ObjectNode>set("body", applied.body())
                .set("answer", applied.answer()));
        ArrayNode savedEvents = state.putArray("counted_events");
        countedEvents.forEach(savedEvents::add);
        ArrayNode savedTotals = state.putArray("totals");
        totals.forEach((line, amount) -> savedTotals.addObject().put("account", line.account())
                .put("campaign", line.campaign()).put("line_item", line.lineItem()).put("currency", line.currency())
                .put("amount_micros", amount));
        try {
            Files.write(file, JSON.writeValueAsBytes(state));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static BankerLedger load(Path file) {
        BankerLedger ledger = new BankerLedger();
        JsonNode state;
        try {
            state = JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        state.get("keys").fields().forEachRemaining(key -> ledger.keys.put(key.getKey(),
                new AppliedKey(key.getValue().get("body"), (ObjectNode) key.getValue().get("answer"))));
        state.get("counted_events").forEach(event -> ledger.countedEvents.add(event.textValue()));
        state.get("totals").forEach(total -> ledger.totals.put(new Line(total.get("account").textValue(),
                total.get("campaign").textValue(), total.get("line_item").textValue(), total.get("currency").textValue()),
                total.get("amount_micros").longValue()));
        return ledger;
    }

    /** The report's own consistency rules beyond the schema (step 3): sums and uniqueness. */
    static List<String> checkRules(JsonNode body) {
        List<String> errors = new ArrayList<>();
        Set<Line> lines = new HashSet<>();
        Map<String, String> events = new LinkedHashMap<>();
        int lineIndex = 0;
        for (JsonNode line : body.get("lines")) {
            String path = "$.lines[" + lineIndex++ + "]";
            if (!lines.add(new Line(line.get("account").textValue(), line.get("campaign").textValue(),
                    line.get("line_item").textValue(), line.get("currency").textValue()))) {
                errors.add(path + ": a second line for the same account, campaign, line_item and currency");
            }
            long sum = 0;
            for (JsonNode event : line.get("events")) {
                sum = Math.addExact(sum, event.get("amount_micros").longValue());
                String identity = event.get("type").textValue() + '\n' + event.get("id").textValue();
                if (events.put(identity, path) != null) {
                    errors.add(path + ": event " + event.get("type").textValue() + "/" + event.get("id").textValue()
                            + " appears twice in the report");
                }
            }
            if (sum != line.get("amount_micros").longValue()) {
                errors.add(path + ".amount_micros: " + line.get("amount_micros").longValue()
                        + " is not the sum of its events, " + sum);
            }
        }
        return errors;
    }
}

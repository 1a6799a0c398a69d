package io.tracker.collector.banker.internal;

import io.tracker.api.Event;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The banker collector's work, without OSGi: a batch becomes spend, the spend becomes reports, and the
 * reports go to banker. Returns only when banker has booked every report of the batch; throws otherwise,
 * and the tracker sends the whole batch again later. Reports that were booked before the failure are then
 * sent again with the same bytes and key, and banker answers them from its record.
 *
 * <p>Holds no state between batches except counters for the log: a new instance (after an upgrade or a
 * restart) behaves exactly like the old one. {@link #report(List)} is called from one dispatcher thread;
 * the counters may be read from any thread.
 */
final class SpendReporter {

    private static final Logger LOG = LoggerFactory.getLogger(SpendReporter.class);

    private final BankerSettings settings;
    private final SpendExtractor extractor;
    private final BankerClient client;

    private final AtomicLong reportsBooked = new AtomicLong();
    private final AtomicLong reportsReplayed = new AtomicLong();
    private final AtomicLong eventsApplied = new AtomicLong();
    private final AtomicLong eventsDuplicate = new AtomicLong();
    private final AtomicLong keyConflicts = new AtomicLong();
    private final AtomicLongArray skipped = new AtomicLongArray(SkipReason.values().length);

    SpendReporter(BankerSettings settings, BankerClient client) {
        this.settings = settings;
        this.extractor = new SpendExtractor(settings);
        this.client = client;
    }

    void report(List<Event> batch) throws IOException, InterruptedException {
        SkipCounts skips = new SkipCounts();
        List<SpendItem> items = new ArrayList<>(batch.size());
        for (Event event : batch) {
            SpendItem item = extractor.extract(event, skips);
            if (item != null) {
                items.add(item);
            }
        }
        for (SpendReport report : SpendAggregator.aggregate(settings.name(), items, settings.requestMaxEvents(), skips)) {
            send(report);
        }
        // counted and logged once the batch is booked: a failed batch comes again and would be counted twice
        for (SkipReason reason : SkipReason.values()) {
            skipped.addAndGet(reason.ordinal(), skips.count(reason));
        }
        if (skips.anyWorthAWarning()) {
            LOG.warn("Banker collector '{}': {} of {} events carry no spend and were skipped: {}", settings.name(),
                    skips.total(), batch.size(), skips);
        } else if (skips.total() > 0) {
            LOG.debug("Banker collector '{}': {} of {} events skipped: {}", settings.name(), skips.total(),
                    batch.size(), skips);
        }
    }

    private void send(SpendReport report) throws IOException, InterruptedException {
        byte[] body = SpendReportJson.write(report);
        String key = SpendReportJson.idempotencyKey(body);
        BankerResponse response;
        try {
            response = client.post(key, body);
        } catch (BankerException e) {
            if (e.status() != 409) {
                throw e;
            }
            // The key is the hash of this body, so banker holding it for another body is a banker-side anomaly.
            // The key only spares banker work; each event is still counted once by its type and id, so the
            // same body under a second key, also derived from the body, is safe. A second 409 is thrown.
            String retryKey = SpendReportJson.keyAfterConflict(key);
            keyConflicts.incrementAndGet();
            LOG.warn("Banker collector '{}': {}. Sending the report again under key {}", settings.name(),
                    e.getMessage(), retryKey);
            response = client.post(retryKey, body);
        }
        reportsBooked.incrementAndGet();
        if (response.replayed()) {
            reportsReplayed.incrementAndGet();
        }
        eventsApplied.addAndGet(Math.max(0, response.eventsApplied()));
        eventsDuplicate.addAndGet(Math.max(0, response.eventsDuplicate()));
        LOG.debug("Banker collector '{}': report {} of {} events booked ({}, {} new, {} counted before)",
                settings.name(), key, report.eventCount(), response.replayed() ? "replayed" : "applied",
                response.eventsApplied(), response.eventsDuplicate());
    }

    long skippedCount(SkipReason reason) {
        return skipped.get(reason.ordinal());
    }

    /** For the log: what this instance has reported since it started. */
    String summary() {
        StringBuilder skips = new StringBuilder();
        for (SkipReason reason : SkipReason.values()) {
            long count = skipped.get(reason.ordinal());
            if (count > 0) {
                skips.append(skips.length() == 0 ? "" : ", ").append(reason.description()).append(": ").append(count);
            }
        }
        return reportsBooked.get() + " reports booked (" + reportsReplayed.get() + " replayed), " + eventsApplied.get()
                + " events counted by banker, " + eventsDuplicate.get() + " counted before, " + keyConflicts.get()
                + " key conflicts; skipped: " + (skips.length() == 0 ? "none" : skips);
    }
}

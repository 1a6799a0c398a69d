package io.tracker.preprocessor.privacy.internal;

import io.tracker.api.Event;
import io.tracker.api.EventPreprocessor;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies the privacy rules to an event: IP dimensions cut to their prefix, hash dimensions replaced by their
 * salted hash, drop dimensions removed. An event none of the rules touch is returned as it is, without a copy.
 *
 * <p><b>Fails closed.</b> The tracker passes an event on unchanged when a preprocessor throws, which here would
 * let raw personal data through. So a value that is not an IP address, or that a rule fails on, is removed
 * from the event instead; this class never throws for an event's content. Values are never logged: they are
 * what this class exists to protect.
 *
 * <p>Thread-safe: immutable rules, a thread-safe hasher, atomic counters.
 */
final class PrivacyPreprocessor implements EventPreprocessor {

    private static final Logger LOG = LoggerFactory.getLogger(PrivacyPreprocessor.class);

    private final String name;
    private final List<String> ipDimensions;
    private final List<String> hashDimensions;
    private final List<String> dropDimensions;
    private final IpAnonymizer anonymizer;
    private final PiiHasher hasher;
    private final AtomicLong notAnAddress = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();

    PrivacyPreprocessor(PrivacySettings settings) {
        this.name = settings.name();
        this.ipDimensions = settings.ipDimensions();
        this.hashDimensions = settings.hashDimensions();
        this.dropDimensions = settings.dropDimensions();
        this.anonymizer = new IpAnonymizer(settings.ipv4PrefixBits(), settings.ipv6PrefixBits());
        this.hasher = settings.hashDimensions().isEmpty() ? null
                : new PiiHasher(settings.hashSalt(), settings.hashLength());
    }

    @Override
    public Event process(Event event) {
        Map<String, String> dimensions = event.dimensions();
        if (!anyPresent(dimensions)) {
            return event;
        }
        Event.Builder changed = event.toBuilder();
        for (String dimension : ipDimensions) {
            String value = dimensions.get(dimension);
            if (value != null) {
                changed.dimension(dimension, anonymize(dimension, value, event));
            }
        }
        for (String dimension : hashDimensions) {
            String value = dimensions.get(dimension);
            if (value != null) {
                changed.dimension(dimension, hash(dimension, value, event));
            }
        }
        for (String dimension : dropDimensions) {
            changed.dimension(dimension, null);
        }
        return changed.build();
    }

    /** IP values that were not addresses and were removed, since activation. */
    long notAnAddressCount() {
        return notAnAddress.get();
    }

    /** Values a rule failed on and that were removed, since activation. */
    long failureCount() {
        return failures.get();
    }

    private boolean anyPresent(Map<String, String> dimensions) {
        return anyPresent(dimensions, ipDimensions) || anyPresent(dimensions, hashDimensions)
                || anyPresent(dimensions, dropDimensions);
    }

    private static boolean anyPresent(Map<String, String> dimensions, List<String> names) {
        for (String name : names) {
            if (dimensions.containsKey(name)) {
                return true;
            }
        }
        return false;
    }

    /** @return the cut address, or null (remove the dimension) if the value is not an address */
    private String anonymize(String dimension, String value, Event event) {
        try {
            String anonymized = anonymizer.anonymize(value);
            if (anonymized == null) {
                long count = notAnAddress.incrementAndGet();
                if (Long.bitCount(count) == 1) { // 1st, 2nd, 4th, ...: visible without flooding the log
                    LOG.warn("Privacy preprocessor '{}': dimension '{}' of event {} is not an IP address; removed "
                            + "({} so far)", name, dimension, event.id(), count);
                }
            }
            return anonymized;
        } catch (RuntimeException e) {
            return failed(dimension, event, e);
        }
    }

    private String hash(String dimension, String value, Event event) {
        try {
            return hasher.hash(value);
        } catch (RuntimeException e) {
            return failed(dimension, event, e);
        }
    }

    private String failed(String dimension, Event event, RuntimeException e) {
        long count = failures.incrementAndGet();
        if (Long.bitCount(count) == 1) {
            LOG.error("Privacy preprocessor '{}' failed on dimension '{}' of event {}; the dimension is removed "
                    + "({} failures so far)", name, dimension, event.id(), count, e);
        }
        return null;
    }
}

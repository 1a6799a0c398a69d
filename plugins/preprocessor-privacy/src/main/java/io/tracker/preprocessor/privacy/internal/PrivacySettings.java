package io.tracker.preprocessor.privacy.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A {@link PrivacyConfig} checked once: dimension lists split and trimmed, bit counts and lengths in range,
 * a salt present when something is hashed, no dimension claimed by two rules.
 *
 * @param hashSalt null when nothing is hashed; never shown by {@link #toString()}
 */
record PrivacySettings(String name, List<String> ipDimensions, int ipv4PrefixBits, int ipv6PrefixBits,
                       List<String> hashDimensions, String hashSalt, int hashLength, List<String> dropDimensions) {

    static final String FACTORY_PID = "io.tracker.preprocessor.privacy";
    static final int MAX_HASH_LENGTH = 64;

    PrivacySettings {
        ipDimensions = List.copyOf(ipDimensions);
        hashDimensions = List.copyOf(hashDimensions);
        dropDimensions = List.copyOf(dropDimensions);
    }

    /**
     * @param source where the configuration came from (PID, file), named in error messages
     * @throws IllegalArgumentException naming the source, the key and the value
     */
    static PrivacySettings from(PrivacyConfig config, String source) {
        String name = config.tracker_preprocessor_name();
        if (name == null || name.isBlank()) {
            throw invalid(source, "tracker.preprocessor.name", name, "a name is required");
        }
        List<String> ip = dimensions(source, "ip.dimensions", config.ip_dimensions());
        List<String> hash = dimensions(source, "hash.dimensions", config.hash_dimensions());
        List<String> drop = dimensions(source, "drop.dimensions", config.drop_dimensions());
        int ipv4Bits = inRange(source, "ipv4.prefix.bits", config.ipv4_prefix_bits(), 0, 32);
        int ipv6Bits = inRange(source, "ipv6.prefix.bits", config.ipv6_prefix_bits(), 0, 128);
        int hashLength = inRange(source, "hash.length", config.hash_length(), 1, MAX_HASH_LENGTH);
        String salt = config._hash_salt();
        if (hash.isEmpty()) {
            salt = null;
        } else if (salt == null || salt.isEmpty()) {
            // the salt is secret: name the key, never echo a value
            throw new IllegalArgumentException(source + ": key '.hash.salt' is missing: it is required when "
                    + "hash.dimensions is set (" + String.join(",", hash) + "); without it a hash of a known "
                    + "value could be recomputed by anyone");
        }
        noOverlap(source, Map.of("ip.dimensions", ip, "hash.dimensions", hash, "drop.dimensions", drop));
        return new PrivacySettings(name.trim(), ip, ipv4Bits, ipv6Bits, hash, salt, hashLength, drop);
    }

    boolean changesNothing() {
        return ipDimensions.isEmpty() && hashDimensions.isEmpty() && dropDimensions.isEmpty();
    }

    @Override
    public String toString() {
        return "ip " + ipDimensions + " (IPv4 /" + ipv4PrefixBits + ", IPv6 /" + ipv6PrefixBits + "), hash "
                + hashDimensions + (hashDimensions.isEmpty() ? "" : " (" + hashLength + " hex chars)")
                + ", drop " + dropDimensions;
    }

    private static List<String> dimensions(String source, String key, String value) {
        Set<String> names = new LinkedHashSet<>();
        if (value != null) {
            for (String part : value.split(",")) {
                String trimmed = part.trim();
                if (!trimmed.isEmpty() && !names.add(trimmed)) {
                    throw invalid(source, key, value, "'" + trimmed + "' is listed twice");
                }
            }
        }
        return new ArrayList<>(names);
    }

    private static int inRange(String source, String key, int value, int min, int max) {
        if (value < min || value > max) {
            throw invalid(source, key, String.valueOf(value), "expected " + min + " to " + max);
        }
        return value;
    }

    /** A dimension under two rules would be handled by whichever runs first: refuse the ambiguity. */
    private static void noOverlap(String source, Map<String, List<String>> listsByKey) {
        String[] keys = {"ip.dimensions", "hash.dimensions", "drop.dimensions"};
        for (int i = 0; i < keys.length; i++) {
            for (int j = i + 1; j < keys.length; j++) {
                for (String dimension : listsByKey.get(keys[j])) {
                    if (listsByKey.get(keys[i]).contains(dimension)) {
                        throw invalid(source, keys[j], String.join(",", listsByKey.get(keys[j])), "dimension '"
                                + dimension + "' is also in " + keys[i] + "; a dimension takes one rule");
                    }
                }
            }
        }
    }

    private static IllegalArgumentException invalid(String source, String key, String value, String reason) {
        return new IllegalArgumentException(source + ": key '" + key + "' = '" + value + "': " + reason);
    }
}

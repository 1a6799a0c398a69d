package io.tracker.preprocessor.privacy.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(
        name = "Tracker privacy preprocessor",
        description = "Anonymises IP addresses, replaces personal dimensions with a salted hash (HMAC-SHA256) and "
                + "removes dimensions that must not be kept. A factory configuration: each "
                + "config/io.tracker.preprocessor.privacy-<name>.cfg runs one instance; event types list it by its "
                + "tracker.preprocessor.name in 'preprocessors'.")
public @interface PrivacyConfig {

    @AttributeDefinition(description = "Name under which event types list this instance in 'preprocessors'. "
            + "Each instance needs its own.")
    String tracker_preprocessor_name() default "privacy";

    @AttributeDefinition(description = "Dimensions holding an IP address, comma-separated. Each is cut to its "
            + "network prefix; a value that is not an IP address literal is removed, never kept as it was.")
    String ip_dimensions() default "ip";

    @AttributeDefinition(description = "Leading bits of an IPv4 address that are kept, 0 to 32 (24: 203.0.113.57 "
            + "becomes 203.0.113.0). IPv4-mapped IPv6 addresses (::ffff:a.b.c.d) count as IPv4.")
    int ipv4_prefix_bits() default 24;

    @AttributeDefinition(description = "Leading bits of an IPv6 address that are kept, 0 to 128 (48: "
            + "2001:db8:85a3:8d3:1319:8a2e:370:7348 becomes 2001:db8:85a3::).")
    int ipv6_prefix_bits() default 48;

    @AttributeDefinition(description = "Dimensions replaced by the hex HMAC-SHA256 of their value keyed with "
            + ".hash.salt, comma-separated. The same value and salt always give the same hash.", required = false)
    String hash_dimensions() default "";

    @AttributeDefinition(description = "Secret key of the hash; required when hash.dimensions is set. Changing it "
            + "changes every hash, so values before and after the change no longer match.",
            type = AttributeType.PASSWORD, required = false)
    String _hash_salt();

    @AttributeDefinition(description = "Hex characters of the hash that are kept, 1 to 64 (64: the whole "
            + "HMAC-SHA256). Fewer characters make values shorter and collisions likelier.")
    int hash_length() default 64;

    @AttributeDefinition(description = "Dimensions removed from every event, comma-separated.", required = false)
    String drop_dimensions() default "";
}

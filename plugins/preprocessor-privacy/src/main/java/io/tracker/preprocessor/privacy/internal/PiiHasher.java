package io.tracker.preprocessor.privacy.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Replaces a value by the hex HMAC-SHA256 of its UTF-8 bytes, keyed with a secret salt: stable for one salt,
 * so hashed values still join and count, but not reversible by hashing guesses without the salt.
 *
 * <p>Thread-safe. A {@link Mac} is not, and building one per call costs a provider look-up, so each thread
 * keeps its own, keyed once. Request threads are a bounded pool, so this is a bounded number of instances;
 * they hold only JDK classes, so a stale one left on a thread after an upgrade pins no bundle class loader.
 */
final class PiiHasher {

    static final String ALGORITHM = "HmacSHA256";
    private static final HexFormat HEX = HexFormat.of();

    private final SecretKeySpec key;
    private final int hexLength;
    private final ThreadLocal<Mac> macs;

    /**
     * @param salt      the HMAC key, not empty
     * @param hexLength hex characters kept of the 64 of the full hash, 1 to 64
     * @throws IllegalStateException if this JVM has no HmacSHA256
     */
    PiiHasher(String salt, int hexLength) {
        if (salt == null || salt.isEmpty()) {
            throw new IllegalArgumentException("the salt must not be empty");
        }
        if (hexLength < 1 || hexLength > 64) {
            throw new IllegalArgumentException("hash length " + hexLength + " out of range 1 to 64");
        }
        this.key = new SecretKeySpec(salt.getBytes(StandardCharsets.UTF_8), ALGORITHM);
        this.hexLength = hexLength;
        newMac(); // fail at activation, not on the first event
        this.macs = ThreadLocal.withInitial(this::newMac);
    }

    /** @return {@code hexLength} lower-case hex characters */
    String hash(String value) {
        byte[] digest = macs.get().doFinal(value.getBytes(StandardCharsets.UTF_8)); // doFinal resets the Mac
        String hex = HEX.formatHex(digest, 0, (hexLength + 1) / 2);
        return hex.length() == hexLength ? hex : hex.substring(0, hexLength);
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(ALGORITHM + " is not available in this JVM", e);
        }
    }
}

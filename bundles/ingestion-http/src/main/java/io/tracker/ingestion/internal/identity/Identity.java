package io.tracker.ingestion.internal.identity;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * Decides, per hit, the user id and whether to set the tracker cookie: no id and no cookie for an
 * opted-out browser (opt-out cookie, or DNT / GPC when honoured); the id from the cookie when it has one;
 * otherwise a new random id and its cookie. Thread-safe; settings swap atomically.
 */
public final class Identity {

    /** The id to record (null: none may be used) and the Set-Cookie value to send (null: none). */
    public record Resolved(String userId, String setCookie) {
        static final Resolved NONE = new Resolved(null, null);
    }

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{16,64}");
    /**
     * One generator per thread: the shared default (NativePRNG) serialises its callers and reads
     * {@code /dev/urandom} on every call, a tenth of a pixel hit's cost. SHA1PRNG seeds itself from the
     * system's entropy on first use.
     */
    private static final ThreadLocal<SecureRandom> RANDOM = ThreadLocal.withInitial(Identity::newRandom);

    private volatile IdentitySettings settings;

    public Identity(IdentitySettings settings) {
        this.settings = settings;
    }

    public void use(IdentitySettings settings) {
        this.settings = settings;
    }

    public IdentitySettings settings() {
        return settings;
    }

    /**
     * @param cookies request cookies by name
     * @param headers request headers by name
     */
    public Resolved resolve(UnaryOperator<String> cookies, UnaryOperator<String> headers) {
        IdentitySettings current = settings;
        if (!current.enabled() || optedOut(current, cookies, headers)) {
            return Resolved.NONE;
        }
        String existing = cookies.apply(current.cookieName());
        if (existing != null && ID.matcher(existing).matches()) {
            return new Resolved(existing, null);
        }
        byte[] bytes = new byte[16];
        RANDOM.get().nextBytes(bytes);
        String id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        return new Resolved(id, cookie(current, current.cookieName(), id, current.cookieMaxAgeS()));
    }

    /** Set-Cookie values that opt the browser out (or back in with {@code undo}). */
    public String[] optOutCookies(boolean undo) {
        IdentitySettings current = settings;
        if (undo) {
            return new String[] {cookie(current, current.optOutCookieName(), "", 0)};
        }
        return new String[] {
            cookie(current, current.optOutCookieName(), "1", 5L * 365 * 24 * 3600),
            cookie(current, current.cookieName(), "", 0)
        };
    }

    private static boolean optedOut(IdentitySettings settings, UnaryOperator<String> cookies,
                                    UnaryOperator<String> headers) {
        return "1".equals(cookies.apply(settings.optOutCookieName()))
                || settings.honorGpc() && "1".equals(trim(headers.apply("Sec-GPC")))
                || settings.honorDnt() && "1".equals(trim(headers.apply("DNT")));
    }

    private static String cookie(IdentitySettings settings, String name, String value, long maxAgeS) {
        StringBuilder cookie = new StringBuilder(name).append('=').append(value)
                .append("; Path=/; Max-Age=").append(maxAgeS).append("; HttpOnly");
        if (!settings.cookieDomain().isEmpty()) {
            cookie.append("; Domain=").append(settings.cookieDomain());
        }
        // a third-party pixel's cookie is only sent cross-site with SameSite=None, which requires Secure
        cookie.append(settings.cookieSecure() ? "; Secure; SameSite=None" : "; SameSite=Lax");
        return cookie.toString();
    }

    private static SecureRandom newRandom() {
        try {
            return SecureRandom.getInstance("SHA1PRNG");
        } catch (NoSuchAlgorithmException e) {
            return new SecureRandom(); // a JDK without the SUN provider's PRNG: slower, as safe
        }
    }

    private static String trim(String value) {
        return value == null ? null : value.trim();
    }
}

package io.tracker.ingestion.internal.identity;

import java.util.regex.Pattern;

/** {@link IdentityConfig}, validated. */
public record IdentitySettings(boolean enabled, String cookieName, String cookieDomain, long cookieMaxAgeS,
                               boolean cookieSecure, String optOutPath, String optOutCookieName, boolean honorDnt,
                               boolean honorGpc) {

    static final String PID = "io.tracker.identity";
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    public IdentitySettings {
        require(TOKEN.matcher(cookieName).matches(), "cookie.name", cookieName, "letters, digits, '_' or '-'");
        require(TOKEN.matcher(optOutCookieName).matches(), "optout.cookie.name", optOutCookieName,
                "letters, digits, '_' or '-'");
        require(cookieDomain.isEmpty() || cookieDomain.matches("\\.?[A-Za-z0-9.-]+"), "cookie.domain", cookieDomain,
                "a domain such as .example.com");
        require(cookieMaxAgeS > 0, "cookie.max.age.s", cookieMaxAgeS, "must be positive");
        require(optOutPath.matches("/[A-Za-z0-9._~/-]*"), "optout.path", optOutPath, "an absolute path");
    }

    static IdentitySettings from(IdentityConfig config) {
        return new IdentitySettings(config.enabled(), config.cookie_name(), config.cookie_domain().trim(),
                config.cookie_max_age_s(), config.cookie_secure(), config.optout_path(), config.optout_cookie_name(),
                config.honor_dnt(), config.honor_gpc());
    }

    private static void require(boolean valid, String key, Object value, String reason) {
        if (!valid) {
            throw new IllegalArgumentException(PID + ": key '" + key + "' = '" + value + "': " + reason);
        }
    }
}

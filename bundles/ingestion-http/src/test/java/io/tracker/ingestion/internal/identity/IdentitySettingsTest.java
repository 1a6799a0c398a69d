package io.tracker.ingestion.internal.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.lang.annotation.Annotation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IdentitySettingsTest {

    private static IdentitySettings settings(String cookieName, String domain, long maxAgeS, String optOutPath,
                                             String optOutCookieName) {
        return new IdentitySettings(true, cookieName, domain, maxAgeS, false, optOutPath, optOutCookieName, false,
                true);
    }

    /** The defaults of {@link IdentityConfig}, with what a test changes. */
    private static IdentityConfig config(String cookieName, String domain, long maxAgeS, boolean secure) {
        return new IdentityConfig() {
            @Override public Class<? extends Annotation> annotationType() { return IdentityConfig.class; }
            @Override public boolean enabled() { return true; }
            @Override public String cookie_name() { return cookieName; }
            @Override public String cookie_domain() { return domain; }
            @Override public long cookie_max_age_s() { return maxAgeS; }
            @Override public boolean cookie_secure() { return secure; }
            @Override public String optout_path() { return "/optout"; }
            @Override public String optout_cookie_name() { return "tracker_optout"; }
            @Override public boolean honor_dnt() { return false; }
            @Override public boolean honor_gpc() { return true; }
        };
    }

    @Test
    void acceptsTheDefaultsOfTheConfiguration() throws Exception {
        IdentitySettings defaults = IdentitySettings.from(config("tid", "", 390L * 24 * 3600, false));

        assertThat(defaults).isEqualTo(new IdentitySettings(true, "tid", "", 33_696_000L, false, "/optout",
                "tracker_optout", false, true));
        // the annotation's defaults are the ones tested here
        assertThat(IdentityConfig.class.getDeclaredMethod("cookie_name").getDefaultValue()).isEqualTo("tid");
        assertThat(IdentityConfig.class.getDeclaredMethod("cookie_max_age_s").getDefaultValue())
                .isEqualTo(33_696_000L);
        assertThat(IdentityConfig.class.getDeclaredMethod("honor_gpc").getDefaultValue()).isEqualTo(true);
        assertThat(IdentityConfig.class.getDeclaredMethod("honor_dnt").getDefaultValue()).isEqualTo(false);
        assertThat(IdentityConfig.class.getDeclaredMethod("cookie_secure").getDefaultValue()).isEqualTo(false);
    }

    @Test
    void fromCopiesEveryValueAndTrimsTheDomain() {
        IdentitySettings settings = IdentitySettings.from(config("uid", " .example.com ", 60, true));

        assertThat(settings.cookieName()).isEqualTo("uid");
        assertThat(settings.cookieDomain()).isEqualTo(".example.com");
        assertThat(settings.cookieMaxAgeS()).isEqualTo(60);
        assertThat(settings.cookieSecure()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "my cookie", "tid;x", "t=d", "\u00e9", " tid"})
    void rejectsACookieNameThatIsNotAToken(String name) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> settings(name, "", 60, "/optout", "tracker_optout"))
                .withMessage("io.tracker.identity: key 'cookie.name' = '" + name + "': letters, digits, '_' or '-'");
    }

    @Test
    void aCookieNameIsAtMost64Characters() {
        assertThat(settings("c".repeat(64), "", 60, "/optout", "o").cookieName()).hasSize(64);
        assertThatIllegalArgumentException()
                .isThrownBy(() -> settings("c".repeat(65), "", 60, "/optout", "o"))
                .withMessageContaining("'cookie.name'");
    }

    @Test
    void rejectsAnOptOutCookieNameThatIsNotAToken() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> settings("tid", "", 60, "/optout", "opt out"))
                .withMessage("io.tracker.identity: key 'optout.cookie.name' = 'opt out': letters, digits, '_' or '-'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"example.com", ".example.com", "tracker.example.co.uk", "localhost"})
    void acceptsADomain(String domain) {
        assertThat(settings("tid", domain, 60, "/optout", "o").cookieDomain()).isEqualTo(domain);
    }

    @ParameterizedTest
    @ValueSource(strings = {"example.com; Secure", "exa mple.com", "https://example.com", "example.com/"})
    void rejectsADomainThatIsNotOne(String domain) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> settings("tid", domain, 60, "/optout", "o"))
                .withMessage("io.tracker.identity: key 'cookie.domain' = '" + domain + "': a domain such as .example.com");
    }

    @ParameterizedTest
    @ValueSource(longs = {0, -1})
    void rejectsANonPositiveLifetime(long maxAgeS) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> settings("tid", "", maxAgeS, "/optout", "o"))
                .withMessage("io.tracker.identity: key 'cookie.max.age.s' = '" + maxAgeS + "': must be positive");
    }

    @ParameterizedTest
    @ValueSource(strings = {"optout", "", "/opt out", "/optout?x=1", "//evil.example/x/%2e"})
    void rejectsAnOptOutPathThatIsNotAnAbsolutePath(String path) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> settings("tid", "", 60, path, "o"))
                .withMessage("io.tracker.identity: key 'optout.path' = '" + path + "': an absolute path");
    }

    @Test
    void acceptsNestedOptOutPaths() {
        assertThat(settings("tid", "", 60, "/privacy/opt-out", "o").optOutPath()).isEqualTo("/privacy/opt-out");
    }

    @Test
    void fromRejectsAnInvalidConfigurationNamingThePid() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> IdentitySettings.from(config("tid", "", 0, false)))
                .withMessageStartingWith("io.tracker.identity: key 'cookie.max.age.s' = '0'");
    }

    @Test
    void messageKeysAreTheConfigurationKeysOfTheConfigAnnotation() throws Exception {
        // metatype turns '_' in an attribute name into '.', so cookie_max_age_s is configured as cookie.max.age.s
        for (String key : new String[] {"cookie.name", "optout.cookie.name", "cookie.domain", "cookie.max.age.s",
            "optout.path"}) {
            assertThat(IdentityConfig.class.getDeclaredMethod(key.replace('.', '_'))).isNotNull();
        }
    }

    @Test
    void theComponentKeepsThePreviousSettingsWhenAChangeIsInvalid() {
        IdentityComponent component = new IdentityComponent(config("tid", "", 60, false));
        Identity identity = component.identity();

        component.modified(config("bad name", "", 60, false));
        assertThat(identity.settings().cookieName()).isEqualTo("tid");

        component.modified(config("uid", "", 60, true));
        assertThat(component.identity()).isSameAs(identity);
        assertThat(identity.settings().cookieName()).isEqualTo("uid");
        assertThat(identity.settings().cookieSecure()).isTrue();
    }
}

package io.tracker.ingestion.internal.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IdentityTest {

    private static final String ID = "AbCdEfGhIjKlMnOpQrSt_-";

    private final Map<String, String> cookies = new HashMap<>();
    private final Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

    private static IdentitySettings settings(String domain, boolean secure, boolean honorDnt, boolean honorGpc) {
        return new IdentitySettings(true, "tid", domain, 3600, secure, "/optout", "tracker_optout", honorDnt, honorGpc);
    }

    private static IdentitySettings defaults() {
        return settings("", false, false, true);
    }

    private Identity.Resolved resolve(Identity identity) {
        UnaryOperator<String> cookie = cookies::get;
        UnaryOperator<String> header = headers::get;
        return identity.resolve(cookie, header);
    }

    @Test
    void aNewVisitorGetsARandomIdAndACookieHoldingIt() {
        Identity.Resolved resolved = resolve(new Identity(defaults()));

        assertThat(resolved.userId()).matches("[A-Za-z0-9_-]{22}");
        assertThat(resolved.setCookie())
                .isEqualTo("tid=" + resolved.userId() + "; Path=/; Max-Age=3600; HttpOnly; SameSite=Lax");
    }

    @Test
    void newIdsDoNotRepeat() {
        Identity identity = new Identity(defaults());
        Set<String> ids = new HashSet<>();

        for (int i = 0; i < 1000; i++) {
            ids.add(resolve(identity).userId());
        }

        assertThat(ids).hasSize(1000);
    }

    @Test
    void aReturningVisitorKeepsItsIdWithoutANewCookie() {
        cookies.put("tid", ID);

        Identity.Resolved resolved = resolve(new Identity(defaults()));

        assertThat(resolved.userId()).isEqualTo(ID);
        assertThat(resolved.setCookie()).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "short", "fifteen-chars15", "has space inside 12345", "semi;colon;inside;12345",
        "\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9"})
    void anIdCookieThatIsNotOneOfOursIsReplaced(String value) {
        cookies.put("tid", value);

        Identity.Resolved resolved = resolve(new Identity(defaults()));

        assertThat(resolved.userId()).isNotEqualTo(value).matches("[A-Za-z0-9_-]{22}");
        assertThat(resolved.setCookie()).startsWith("tid=" + resolved.userId() + ";");
    }

    @Test
    void anIdOf16To64CharactersIsKept() {
        for (String id : new String[] {"a".repeat(16), "b".repeat(64)}) {
            cookies.put("tid", id);
            assertThat(resolve(new Identity(defaults())).userId()).isEqualTo(id);
        }
        cookies.put("tid", "c".repeat(65));
        assertThat(resolve(new Identity(defaults())).userId()).isNotEqualTo("c".repeat(65));
    }

    @Test
    void theOptOutCookieMeansNoIdAndNoCookie() {
        cookies.put("tracker_optout", "1");
        cookies.put("tid", ID);

        Identity.Resolved resolved = resolve(new Identity(defaults()));

        assertThat(resolved.userId()).isNull();
        assertThat(resolved.setCookie()).isNull();
    }

    @Test
    void anOptOutCookieOfAnotherValueIsNoOptOut() {
        cookies.put("tracker_optout", "0");

        assertThat(resolve(new Identity(defaults())).userId()).isNotNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"1", " 1 "})
    void globalPrivacyControlIsAnOptOutWhenHonoured(String value) {
        headers.put("sec-gpc", value);

        assertThat(resolve(new Identity(settings("", false, false, true)))).isEqualTo(new Identity.Resolved(null, null));
        assertThat(resolve(new Identity(settings("", false, false, false))).userId()).isNotNull();
    }

    @Test
    void globalPrivacyControlOtherThanOneIsNoOptOut() {
        headers.put("Sec-GPC", "0");

        assertThat(resolve(new Identity(defaults())).userId()).isNotNull();
    }

    @Test
    void doNotTrackIsAnOptOutOnlyWhenHonoured() {
        headers.put("DNT", "1");

        assertThat(resolve(new Identity(settings("", false, false, true))).userId()).isNotNull();
        assertThat(resolve(new Identity(settings("", false, true, true)))).isEqualTo(new Identity.Resolved(null, null));
    }

    @Test
    void aDisabledIdentityGivesNothing() {
        cookies.put("tid", ID);
        Identity identity = new Identity(new IdentitySettings(false, "tid", "", 3600, false, "/optout",
                "tracker_optout", false, true));

        assertThat(resolve(identity)).isEqualTo(new Identity.Resolved(null, null));
    }

    @Test
    void aSecureCookieIsSameSiteNoneSoThatThirdPartyPixelsGetIt() {
        Identity.Resolved resolved = resolve(new Identity(settings("", true, false, true)));

        assertThat(resolved.setCookie()).endsWith("; HttpOnly; Secure; SameSite=None").doesNotContain("Lax");
    }

    @Test
    void theDomainIsSetWhenConfigured() {
        Identity.Resolved resolved = resolve(new Identity(settings(".example.com", false, false, true)));

        assertThat(resolved.setCookie()).isEqualTo("tid=" + resolved.userId()
                + "; Path=/; Max-Age=3600; HttpOnly; Domain=.example.com; SameSite=Lax");
        assertThat(resolve(new Identity(defaults())).setCookie()).doesNotContain("Domain");
    }

    @Test
    void theCookieNameAndLifetimeAreConfigurable() {
        Identity identity = new Identity(new IdentitySettings(true, "uid", "", 86_400, false, "/optout", "nope",
                false, true));
        cookies.put("tid", ID);

        Identity.Resolved resolved = resolve(identity);

        assertThat(resolved.userId()).isNotEqualTo(ID);
        assertThat(resolved.setCookie()).startsWith("uid=").contains("; Max-Age=86400;");
        cookies.put("uid", ID);
        assertThat(resolve(identity).userId()).isEqualTo(ID);
    }

    @Test
    void optingOutSetsTheOptOutCookieForFiveYearsAndClearsTheId() {
        assertThat(new Identity(defaults()).optOutCookies(false)).containsExactly(
                "tracker_optout=1; Path=/; Max-Age=157680000; HttpOnly; SameSite=Lax",
                "tid=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax");
    }

    @Test
    void undoingTheOptOutClearsTheOptOutCookieOnly() {
        assertThat(new Identity(defaults()).optOutCookies(true))
                .containsExactly("tracker_optout=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax");
    }

    @Test
    void optOutCookiesCarryDomainAndSecureLikeTheIdCookie() {
        String[] cookies = new Identity(settings(".example.com", true, false, true)).optOutCookies(false);

        assertThat(cookies).allSatisfy(cookie -> assertThat(cookie).contains("; Domain=.example.com")
                .endsWith("; Secure; SameSite=None"));
    }

    @Test
    void newSettingsApplyToTheNextHit() {
        Identity identity = new Identity(defaults());
        cookies.put("tid", ID);
        assertThat(resolve(identity).userId()).isEqualTo(ID);

        identity.use(new IdentitySettings(false, "tid", "", 3600, false, "/optout", "tracker_optout", false, true));

        assertThat(identity.settings().enabled()).isFalse();
        assertThat(resolve(identity).userId()).isNull();
    }
}

package io.tracker.preprocessor.privacy.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PrivacySettingsTest {

    private static final String SOURCE = PrivacySettings.FACTORY_PID + " (privacy-test.cfg)";

    @Test
    void defaultsAnonymiseTheIpDimensionOnly() {
        PrivacySettings settings = settings(Map.of());

        assertThat(settings.name()).isEqualTo("privacy");
        assertThat(settings.ipDimensions()).containsExactly("ip");
        assertThat(settings.ipv4PrefixBits()).isEqualTo(24);
        assertThat(settings.ipv6PrefixBits()).isEqualTo(48);
        assertThat(settings.hashDimensions()).isEmpty();
        assertThat(settings.hashSalt()).isNull();
        assertThat(settings.hashLength()).isEqualTo(64);
        assertThat(settings.dropDimensions()).isEmpty();
    }

    @Test
    void splitsAndTrimsDimensionLists() {
        PrivacySettings settings = settings(Map.of("ip.dimensions", " ip , forwarded_ip,,", "hash.dimensions",
                "email, user", ".hash.salt", "s3cret", "drop.dimensions", "phone"));

        assertThat(settings.ipDimensions()).containsExactly("ip", "forwarded_ip");
        assertThat(settings.hashDimensions()).containsExactly("email", "user");
        assertThat(settings.dropDimensions()).containsExactly("phone");
    }

    @Test
    void anEmptyIpListTurnsAnonymisationOff() {
        assertThat(settings(Map.of("ip.dimensions", "")).ipDimensions()).isEmpty();
        assertThat(settings(Map.of("ip.dimensions", "")).changesNothing()).isTrue();
    }

    @Test
    void refusesHashDimensionsWithoutSaltNamingTheKeyButNotAValue() {
        assertThatThrownBy(() -> settings(Map.of("hash.dimensions", "email")))
                .hasMessageStartingWith(SOURCE + ": key '.hash.salt' is missing")
                .hasMessageContaining("email");
        assertThatThrownBy(() -> settings(Map.of("hash.dimensions", "email", ".hash.salt", "")))
                .hasMessageContaining("'.hash.salt'");
    }

    @Test
    void neverShowsTheSalt() {
        PrivacySettings settings = settings(Map.of("hash.dimensions", "email", ".hash.salt", "very-secret-salt"));

        assertThat(settings.toString()).doesNotContain("very-secret-salt").contains("email");
    }

    @Test
    void aSaltWithoutHashDimensionsIsNotKept() {
        assertThat(settings(Map.of(".hash.salt", "unused")).hashSalt()).isNull();
    }

    @Test
    void refusesPrefixBitsAndHashLengthOutOfRangeNamingSourceKeyAndValue() {
        assertThatThrownBy(() -> settings(Map.of("ipv4.prefix.bits", 33)))
                .hasMessage(SOURCE + ": key 'ipv4.prefix.bits' = '33': expected 0 to 32");
        assertThatThrownBy(() -> settings(Map.of("ipv4.prefix.bits", -1)))
                .hasMessageContaining("key 'ipv4.prefix.bits' = '-1'");
        assertThatThrownBy(() -> settings(Map.of("ipv6.prefix.bits", 129)))
                .hasMessage(SOURCE + ": key 'ipv6.prefix.bits' = '129': expected 0 to 128");
        assertThatThrownBy(() -> settings(Map.of("hash.length", 0)))
                .hasMessage(SOURCE + ": key 'hash.length' = '0': expected 1 to 64");
        assertThatThrownBy(() -> settings(Map.of("hash.length", 65)))
                .hasMessageContaining("key 'hash.length' = '65'");
    }

    @Test
    void acceptsTheBoundsOfEachRange() {
        PrivacySettings low = settings(Map.of("ipv4.prefix.bits", 0, "ipv6.prefix.bits", 0, "hash.length", 1));
        PrivacySettings high = settings(Map.of("ipv4.prefix.bits", 32, "ipv6.prefix.bits", 128, "hash.length", 64));

        assertThat(low.ipv4PrefixBits()).isZero();
        assertThat(high.ipv6PrefixBits()).isEqualTo(128);
    }

    @Test
    void refusesADimensionUnderTwoRules() {
        assertThatThrownBy(() -> settings(Map.of("ip.dimensions", "ip", "drop.dimensions", "ip")))
                .hasMessage(SOURCE + ": key 'drop.dimensions' = 'ip': dimension 'ip' is also in ip.dimensions; "
                        + "a dimension takes one rule");
        assertThatThrownBy(() -> settings(Map.of("hash.dimensions", "email", ".hash.salt", "s",
                "drop.dimensions", "email"))).hasMessageContaining("also in hash.dimensions");
    }

    @Test
    void refusesADimensionListedTwice() {
        assertThatThrownBy(() -> settings(Map.of("drop.dimensions", "phone, phone")))
                .hasMessage(SOURCE + ": key 'drop.dimensions' = 'phone, phone': 'phone' is listed twice");
    }

    @Test
    void refusesAnEmptyName() {
        assertThatThrownBy(() -> settings(Map.of("tracker.preprocessor.name", " ")))
                .hasMessageContaining("key 'tracker.preprocessor.name'");
    }

    private static PrivacySettings settings(Map<String, ?> properties) {
        return PrivacySettings.from(TestConfigs.of(PrivacyConfig.class, properties), SOURCE);
    }
}

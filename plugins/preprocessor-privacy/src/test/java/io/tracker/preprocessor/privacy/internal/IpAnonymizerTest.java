package io.tracker.preprocessor.privacy.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class IpAnonymizerTest {

    private final IpAnonymizer defaults = new IpAnonymizer(24, 48);

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "203.0.113.57, 203.0.113.0",
        "0.0.0.0, 0.0.0.0",
        "255.255.255.255, 255.255.255.0",
        "10.1.2.3, 10.1.2.0",
        "' 198.51.100.7 ', 198.51.100.0",
        "001.002.003.004, 1.2.3.0",
        "2001:db8:85a3:8d3:1319:8a2e:370:7348, '2001:db8:85a3::'",
        "2001:0DB8:85A3:08D3:1319:8A2E:0370:7348, '2001:db8:85a3::'",
        "'::', '::'",
        "'::1', '::'",
        "'2001:db8::1', '2001:db8::'",
        "'2001:db8:85a3::8a2e:370:7334', '2001:db8:85a3::'",
        "'fe80::1%eth0', 'fe80::'",
        "'fe80::1%25', 'fe80::'",
        "'[2001:db8:85a3::7]', '2001:db8:85a3::'",
        "'::ffff:203.0.113.57', 203.0.113.0",
        "'::FFFF:cb00:7139', 203.0.113.0",
        "'0:0:0:0:0:ffff:203.0.113.57', 203.0.113.0",
        "'::1.2.3.4', '::'",
        "'64:ff9b::203.0.113.57', '64:ff9b::'",
        "'2002:cb00:7139::1', '2002:cb00:7100::'",
    })
    void cutsToTheDefaultPrefixes(String address, String expected) {
        assertThat(defaults.anonymize(address)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "\"{0}\" is not an address")
    @ValueSource(strings = {"", " ", "garbage", "localhost", "example.com", "203.0.113", "203.0.113.57.1",
        "203.0.113.256", "203.0.113.-1", "1.2.3.4.", ".1.2.3.4", "1..2.3", "1234.1.1.1", "203.0.113.57:8080",
        "[203.0.113.57]", "1:2:3:4:5:6:7", "1:2:3:4:5:6:7:8:9", ":::", "1::2::3", ":1::2", "1::2:", "1:", ":1",
        "12345::1", "g::1", "fe80::1%", "[::1", "::1]", "::ffff:1.2.3", "1.2.3.4::", "1:2:3:4:5:6:7:1.2.3.4",
        "::1:2:3:4:5:6:7:8", "١٢٣.1.1.1", "1.2.3.4, 5.6.7.8"})
    void refusesWhatIsNotAnAddressLiteral(String value) {
        assertThat(defaults.anonymize(value)).isNull();
    }

    @Test
    void sevenGroupsAroundDoubleColonAreAnAddress() {
        assertThat(new IpAnonymizer(24, 128).anonymize("1::2:3:4:5:6:7")).isEqualTo("1:0:2:3:4:5:6:7");
        assertThat(new IpAnonymizer(24, 128).anonymize("1:2:3:4:5:6:7::")).isEqualTo("1:2:3:4:5:6:7:0");
    }

    @ParameterizedTest(name = "/{0}: {1}")
    @CsvSource({
        "0, 0.0.0.0",
        "1, 128.0.0.0",
        "8, 203.0.0.0",
        "16, 203.0.0.0",
        "20, 203.0.112.0",
        "31, 203.0.113.56",
        "32, 203.0.113.57",
    })
    void ipv4PrefixBits(int bits, String expected) {
        assertThat(new IpAnonymizer(bits, 48).anonymize("203.0.113.57")).isEqualTo(expected);
    }

    @ParameterizedTest(name = "/{0}: {1}")
    @CsvSource({
        "0, '::'",
        "1, '::'",
        "3, '2000::'",
        "32, '2001:db8::'",
        "56, '2001:db8:85a3:800::'",
        "64, '2001:db8:85a3:8d3::'",
        "127, '2001:db8:85a3:8d3:1319:8a2e:370:7348'",
        "128, '2001:db8:85a3:8d3:1319:8a2e:370:7349'",
    })
    void ipv6PrefixBits(int bits, String expected) {
        assertThat(new IpAnonymizer(24, bits).anonymize("2001:db8:85a3:8d3:1319:8a2e:370:7349")).isEqualTo(expected);
    }

    @Test
    void writesTheLongestZeroRunAsDoubleColonTheFirstOfEqualOnes() {
        IpAnonymizer full = new IpAnonymizer(32, 128);
        assertThat(full.anonymize("2001:0:0:1:0:0:0:1")).isEqualTo("2001:0:0:1::1");
        assertThat(full.anonymize("2001:db8:0:0:1:0:0:1")).isEqualTo("2001:db8::1:0:0:1");
        assertThat(full.anonymize("2001:db8:0:1:1:1:1:1")).isEqualTo("2001:db8:0:1:1:1:1:1");
    }

    @Test
    void sixToFourKeepsNoMoreOfTheEmbeddedIpv4AddressThanIpv4Bits() {
        // 2002:cb00:7139::/48 is 6to4 for 203.0.113.57: a plain /48 would keep all of it
        assertThat(new IpAnonymizer(16, 64).anonymize("2002:cb00:7139:1::1")).isEqualTo("2002:cb00::");
        assertThat(new IpAnonymizer(32, 48).anonymize("2002:cb00:7139:1::1")).isEqualTo("2002:cb00:7139::");
    }

    @Test
    void refusesPrefixBitsOutOfRange() {
        assertThatThrownBy(() -> new IpAnonymizer(33, 48)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new IpAnonymizer(-1, 48)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new IpAnonymizer(24, 129)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new IpAnonymizer(24, -1)).isInstanceOf(IllegalArgumentException.class);
    }
}

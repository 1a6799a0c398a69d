package io.tracker.preprocessor.privacy.internal;

/**
 * Cuts IP addresses to their network prefix: with 24 bits {@code 203.0.113.57} becomes {@code 203.0.113.0},
 * with 48 bits {@code 2001:db8:85a3:8d3:1319:8a2e:370:7348} becomes {@code 2001:db8:85a3::}.
 *
 * <ul>
 *   <li>IPv4-mapped IPv6 ({@code ::ffff:203.0.113.57}) is an IPv4 client: cut and written as IPv4.</li>
 *   <li>6to4 ({@code 2002::/16}) carries the client's IPv4 address in bits 16 to 48, so it keeps at most
 *       {@code 16 + ipv4PrefixBits} bits: a /48 alone would keep the whole IPv4 address.</li>
 *   <li>Brackets ({@code [2001:db8::1]}) and zone ids ({@code fe80::1%eth0}) are accepted and not kept.</li>
 *   <li>Anything else, host names included, is not an address: the result is null, so the caller drops the
 *       value rather than keep it as it was.</li>
 * </ul>
 *
 * <p>Output is canonical: IPv4 dotted decimal, IPv6 in RFC 5952 form (lower case, longest zero run as
 * {@code ::}). Immutable and thread-safe.
 */
final class IpAnonymizer {

    private static final int SIX_TO_FOUR = 0x2002;

    private final int ipv4PrefixBits;
    private final int ipv6PrefixBits;

    /**
     * @param ipv4PrefixBits leading bits kept of an IPv4 address, 0 to 32
     * @param ipv6PrefixBits leading bits kept of an IPv6 address, 0 to 128
     */
    IpAnonymizer(int ipv4PrefixBits, int ipv6PrefixBits) {
        if (ipv4PrefixBits < 0 || ipv4PrefixBits > 32 || ipv6PrefixBits < 0 || ipv6PrefixBits > 128) {
            throw new IllegalArgumentException("prefix bits out of range: IPv4 /" + ipv4PrefixBits
                    + " (0 to 32), IPv6 /" + ipv6PrefixBits + " (0 to 128)");
        }
        this.ipv4PrefixBits = ipv4PrefixBits;
        this.ipv6PrefixBits = ipv6PrefixBits;
    }

    /** @return the cut address, or null if {@code value} is not an IP address literal */
    String anonymize(String value) {
        int from = 0;
        int to = value.length();
        while (from < to && Character.isWhitespace(value.charAt(from))) {
            from++;
        }
        while (to > from && Character.isWhitespace(value.charAt(to - 1))) {
            to--;
        }
        if (from == to) {
            return null;
        }
        boolean bracketed = value.charAt(from) == '[';
        if (bracketed) {
            if (value.charAt(to - 1) != ']') {
                return null;
            }
            from++;
            to--;
        }
        int colon = value.indexOf(':', from);
        if (colon < 0 || colon >= to) {
            long ipv4 = bracketed ? -1 : IpLiterals.parseIpv4(value, from, to);
            return ipv4 < 0 ? null : formatIpv4(maskIpv4(ipv4, ipv4PrefixBits));
        }
        int percent = value.indexOf('%', from);
        if (percent >= 0 && percent < to) {
            if (percent == to - 1) {
                return null; // '%' without a zone id
            }
            to = percent;
        }
        int[] groups = new int[IpLiterals.IPV6_GROUPS];
        if (!IpLiterals.parseIpv6(value, from, to, groups)) {
            return null;
        }
        if (isIpv4Mapped(groups)) {
            return formatIpv4(maskIpv4((long) groups[6] << 16 | groups[7], ipv4PrefixBits));
        }
        int bits = groups[0] == SIX_TO_FOUR ? Math.min(ipv6PrefixBits, 16 + ipv4PrefixBits) : ipv6PrefixBits;
        maskIpv6(groups, bits);
        return formatIpv6(groups);
    }

    private static boolean isIpv4Mapped(int[] groups) {
        return groups[0] == 0 && groups[1] == 0 && groups[2] == 0 && groups[3] == 0 && groups[4] == 0
                && groups[5] == 0xffff;
    }

    private static long maskIpv4(long address, int bits) {
        return bits == 0 ? 0 : address & (0xffffffffL << (32 - bits)) & 0xffffffffL;
    }

    private static void maskIpv6(int[] groups, int bits) {
        for (int i = 0; i < groups.length; i++) {
            int kept = Math.max(0, Math.min(16, bits - 16 * i));
            groups[i] &= kept == 0 ? 0 : (0xffff << (16 - kept)) & 0xffff;
        }
    }

    private static String formatIpv4(long address) {
        return (address >>> 24) + "." + (address >>> 16 & 0xff) + "." + (address >>> 8 & 0xff) + "."
                + (address & 0xff);
    }

    /** RFC 5952: the longest run of two or more zero groups (the first of equal runs) becomes '::'. */
    private static String formatIpv6(int[] groups) {
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < groups.length; ) {
            if (groups[i] != 0) {
                i++;
                continue;
            }
            int start = i;
            while (i < groups.length && groups[i] == 0) {
                i++;
            }
            if (i - start > bestLength) {
                bestStart = start;
                bestLength = i - start;
            }
        }
        StringBuilder text = new StringBuilder(39);
        for (int i = 0; i < groups.length; i++) {
            if (i == bestStart) {
                text.append("::");
                i += bestLength - 1;
                continue;
            }
            if (text.length() > 0 && text.charAt(text.length() - 1) != ':') {
                text.append(':');
            }
            text.append(Integer.toHexString(groups[i]));
        }
        return text.toString();
    }
}

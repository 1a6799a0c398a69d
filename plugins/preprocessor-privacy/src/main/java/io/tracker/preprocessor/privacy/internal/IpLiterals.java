package io.tracker.preprocessor.privacy.internal;

/**
 * Parses IP address literals, and nothing else: no host names, so never a DNS look-up (unlike
 * {@code InetAddress.getByName}). Works on a range of a string so callers can strip brackets and zone ids
 * without copying.
 */
final class IpLiterals {

    static final int IPV6_GROUPS = 8;

    private IpLiterals() {
    }

    /**
     * A dotted-quad IPv4 address, four decimal parts of 1 to 3 digits each, 0 to 255.
     *
     * @return the address as an unsigned 32-bit number, or -1 if the range is not such a literal
     */
    static long parseIpv4(String text, int from, int to) {
        long address = 0;
        int parts = 0;
        int i = from;
        while (true) {
            int start = i;
            int value = 0;
            while (i < to && i - start < 3 && isDigit(text.charAt(i))) {
                value = value * 10 + (text.charAt(i) - '0');
                i++;
            }
            if (i == start || value > 255) {
                return -1;
            }
            address = address << 8 | value;
            if (++parts == 4) {
                return i == to ? address : -1;
            }
            if (i >= to || text.charAt(i) != '.') {
                return -1;
            }
            i++;
        }
    }

    /**
     * An IPv6 address in any RFC 4291 text form: eight groups, {@code ::} for one or more zero groups, an
     * IPv4 dotted quad as the last 32 bits. Without brackets and zone id.
     *
     * @param groups receives the eight 16-bit groups
     * @return false if the range is not such a literal ({@code groups} is then undefined)
     */
    static boolean parseIpv6(String text, int from, int to, int[] groups) {
        int doubleColon = text.indexOf("::", from);
        if (doubleColon < 0 || doubleColon + 2 > to) {
            return parseGroups(text, from, to, groups, 0, IPV6_GROUPS, true) == IPV6_GROUPS;
        }
        int second = text.indexOf("::", doubleColon + 1);
        if (second >= 0 && second + 2 <= to) {
            return false; // two '::' (or ':::') are ambiguous
        }
        int head = parseGroups(text, from, doubleColon, groups, 0, IPV6_GROUPS - 1, false);
        if (head < 0) {
            return false;
        }
        int[] tail = new int[IPV6_GROUPS];
        int tailCount = parseGroups(text, doubleColon + 2, to, tail, 0, IPV6_GROUPS - 1 - head, true);
        if (tailCount < 0) {
            return false;
        }
        for (int i = head; i < IPV6_GROUPS - tailCount; i++) {
            groups[i] = 0;
        }
        System.arraycopy(tail, 0, groups, IPV6_GROUPS - tailCount, tailCount);
        return true;
    }

    /** @return the number of groups read into {@code out} from {@code offset}, at most {@code max}, or -1 */
    private static int parseGroups(String text, int from, int to, int[] out, int offset, int max,
                                   boolean ipv4Tail) {
        if (from == to) {
            return 0;
        }
        int count = 0;
        int i = from;
        while (true) {
            int start = i;
            int value = 0;
            int digit;
            while (i < to && i - start < 4 && (digit = Character.digit(text.charAt(i), 16)) >= 0
                    && text.charAt(i) < 128) {
                value = value << 4 | digit;
                i++;
            }
            if (i < to && text.charAt(i) == '.') {
                if (!ipv4Tail || count + 2 > max) {
                    return -1;
                }
                long ipv4 = parseIpv4(text, start, to);
                if (ipv4 < 0) {
                    return -1;
                }
                out[offset + count] = (int) (ipv4 >>> 16);
                out[offset + count + 1] = (int) (ipv4 & 0xffff);
                return count + 2;
            }
            if (i == start || count == max) {
                return -1;
            }
            out[offset + count++] = value;
            if (i == to) {
                return count;
            }
            if (text.charAt(i) != ':' || ++i == to) {
                return -1; // a stray character, or a single trailing ':'
            }
        }
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}

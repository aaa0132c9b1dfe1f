package org.softwire.packet;

/**
 * Text forms of IP addresses: strict parsing of IPv4 dotted quads and RFC 4291 §2.2 IPv6 literals, and
 * RFC 5952 canonical IPv6 text. Control plane only (allocates); never resolves names.
 */
final class Ipv6Text {
    private Ipv6Text() {
    }

    /**
     * Parses a dotted quad into {@code out[at..at+4)}: four decimal numbers 0-255 without leading zeros (a
     * leading zero is octal to inet_aton(3), so "010.0.0.1" is refused rather than guessed).
     *
     * @return null if parsed, otherwise why not
     */
    static String parseV4(String s, byte[] out, int at) {
        int part = 0;
        int i = 0;
        int n = s.length();
        while (true) {
            int start = i;
            int v = 0;
            while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                v = v * 10 + (s.charAt(i) - '0');
                i++;
                if (i - start > 3) {
                    return "IPv4 part " + (part + 1) + " has more than 3 digits";
                }
            }
            if (i == start) {
                return i < n ? "unexpected character '" + s.charAt(i) + "' in IPv4 address" : "IPv4 address ends early";
            }
            if (v > 255) {
                return "IPv4 part " + (part + 1) + " is " + v + ", above 255";
            }
            if (i - start > 1 && s.charAt(start) == '0') {
                return "IPv4 part " + (part + 1) + " has a leading zero (ambiguous: octal to some parsers)";
            }
            out[at + part] = (byte) v;
            part++;
            if (part == 4) {
                return i == n ? null : "unexpected '" + s.substring(i) + "' after the fourth IPv4 part";
            }
            if (i >= n || s.charAt(i) != '.') {
                return "an IPv4 address has 4 dot-separated parts";
            }
            i++;
        }
    }

    /**
     * Parses an IPv6 literal (RFC 4291 §2.2: eight groups of 1-4 hex digits, one "::" for a run of zero groups,
     * optionally a dotted quad as the last 32 bits) into 16 octets.
     *
     * @return null if parsed, otherwise why not
     */
    static String parseV6(String s, byte[] out) {
        if (s.indexOf('%') >= 0) {
            return "zone identifiers (%...) are not accepted";
        }
        int[] words = new int[8];
        int count = 0;
        int gap = -1;
        int i = 0;
        int n = s.length();
        if (s.startsWith("::")) {
            gap = 0;
            i = 2;
        } else if (s.startsWith(":")) {
            return "a single ':' cannot start an IPv6 address";
        }
        while (i < n) {
            if (count == 8) {
                return "more than 8 groups in IPv6 address";
            }
            int start = i;
            int v = 0;
            while (i < n && hex(s.charAt(i)) >= 0) {
                v = ((v << 4) | hex(s.charAt(i))) & 0xFFFFF;
                i++;
            }
            if (i < n && s.charAt(i) == '.') { // embedded IPv4 as the last 32 bits
                if (count > 6) {
                    return "embedded IPv4 address leaves no room in IPv6 address";
                }
                byte[] v4 = new byte[4];
                String why = parseV4(s.substring(start), v4, 0);
                if (why != null) {
                    return why;
                }
                words[count++] = ((v4[0] & 0xFF) << 8) | (v4[1] & 0xFF);
                words[count++] = ((v4[2] & 0xFF) << 8) | (v4[3] & 0xFF);
                i = n;
                break;
            }
            if (i == start) {
                return "unexpected character '" + s.charAt(i) + "' in IPv6 address";
            }
            if (i - start > 4) {
                return "group '" + s.substring(start, i) + "' has more than 4 hex digits";
            }
            words[count++] = v;
            if (i == n) {
                break;
            }
            if (s.charAt(i) != ':') {
                return "unexpected character '" + s.charAt(i) + "' in IPv6 address";
            }
            i++;
            if (i < n && s.charAt(i) == ':') {
                if (gap >= 0) {
                    return "'::' may appear only once";
                }
                gap = count;
                i++;
            } else if (i == n) {
                return "IPv6 address ends with a single ':'";
            }
        }
        if (gap < 0 && count != 8) {
            return "IPv6 address has " + count + " groups, not 8, and no '::'";
        }
        if (gap >= 0 && count > 7) {
            return "'::' must stand for at least one zero group";
        }
        int tail = count - Math.max(gap, 0);
        int[] full = new int[8];
        if (gap < 0) {
            System.arraycopy(words, 0, full, 0, 8);
        } else {
            System.arraycopy(words, 0, full, 0, gap);
            System.arraycopy(words, gap, full, 8 - tail, tail);
        }
        for (int w = 0; w < 8; w++) {
            out[2 * w] = (byte) (full[w] >>> 8);
            out[2 * w + 1] = (byte) full[w];
        }
        return null;
    }

    /** ASCII hex digit value or -1 (Character.digit would accept other scripts' digits). */
    private static int hex(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        return c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
    }

    /** RFC 5952 §4 canonical text; IPv4-mapped addresses in the mixed form of RFC 5952 §5. */
    static String format(byte[] b) {
        int[] w = new int[8];
        for (int i = 0; i < 8; i++) {
            w[i] = ((b[2 * i] & 0xFF) << 8) | (b[2 * i + 1] & 0xFF);
        }
        if (w[0] == 0 && w[1] == 0 && w[2] == 0 && w[3] == 0 && w[4] == 0 && w[5] == 0xFFFF) {
            return "::ffff:" + (b[12] & 0xFF) + "." + (b[13] & 0xFF) + "." + (b[14] & 0xFF) + "." + (b[15] & 0xFF);
        }
        int bestStart = -1;
        int bestLen = 0;
        for (int i = 0; i < 8; ) {
            if (w[i] != 0) {
                i++;
                continue;
            }
            int j = i;
            while (j < 8 && w[j] == 0) {
                j++;
            }
            if (j - i > bestLen) { // RFC 5952 §4.2.3: the longest run; the first of equal runs
                bestStart = i;
                bestLen = j - i;
            }
            i = j;
        }
        if (bestLen < 2) {
            bestStart = -1; // RFC 5952 §4.2.2: a single 16-bit 0 field is not shortened
        }
        StringBuilder sb = new StringBuilder(39);
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                sb.append("::");
                i += bestLen - 1;
                continue;
            }
            if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ':') {
                sb.append(':');
            }
            sb.append(Integer.toHexString(w[i])); // RFC 5952 §4.1, §4.3: no leading zeros, lower case
        }
        return sb.toString();
    }
}

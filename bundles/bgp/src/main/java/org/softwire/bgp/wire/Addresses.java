package org.softwire.bgp.wire;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** Address helpers that never resolve names. */
public final class Addresses {
    private Addresses() {
    }

    /** The octets of an IPv4 or IPv6 literal; rejects anything that is not a literal. */
    public static byte[] literal(String text) {
        if (text.isEmpty() || !(text.indexOf(':') >= 0 || text.chars().allMatch(c -> c == '.' || Character.isDigit(c)))) {
            throw new IllegalArgumentException("not an IP address literal: " + text);
        }
        try {
            byte[] a = InetAddress.getByName(text).getAddress();
            if (text.indexOf(':') >= 0 && a.length == 4) {
                // ::ffff:a.b.c.d comes back as IPv4; keep the IPv6 form (RFC 4798 next hops)
                byte[] v6 = new byte[16];
                v6[10] = (byte) 0xff;
                v6[11] = (byte) 0xff;
                System.arraycopy(a, 0, v6, 12, 4);
                return v6;
            }
            return a;
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an IP address literal: " + text, e);
        }
    }

    /** An InetAddress from 4 or 16 octets (an IPv4-mapped IPv6 address becomes an Inet4Address). */
    public static InetAddress of(Octets octets) {
        try {
            return InetAddress.getByAddress(octets.toByteArray());
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("address of " + octets.length() + " octets", e);
        }
    }

    /** The printable form of 4 or 16 octets. */
    public static String text(Octets octets) {
        return of(octets).getHostAddress();
    }
}

package org.softwire.dhcpv6;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;

/** Address helpers for codecs: reading and writing addresses without name lookups. */
public final class Addresses {
    private Addresses() {
    }

    /** 16 octets as an Inet6Address (also for IPv4-mapped addresses, which InetAddress would turn into IPv4). */
    public static Inet6Address ipv6(byte[] a) {
        try {
            return Inet6Address.getByAddress(null, a, -1);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("an IPv6 address has 16 octets, not " + a.length, e);
        }
    }

    /** 4 octets as an Inet4Address. */
    public static Inet4Address ipv4(byte[] a) {
        if (a.length != 4) {
            throw new IllegalArgumentException("an IPv4 address has 4 octets, not " + a.length);
        }
        try {
            return (Inet4Address) InetAddress.getByAddress(a);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Inet6Address readIpv6(ByteBuffer in) {
        byte[] a = new byte[16];
        in.get(a);
        return ipv6(a);
    }

    public static Inet4Address readIpv4(ByteBuffer in) {
        byte[] a = new byte[4];
        in.get(a);
        return ipv4(a);
    }

    /** Parses an IPv6 literal, e.g. {@code 2001:db8::1}. */
    public static Inet6Address parseIpv6(String s) {
        InetAddress a = literal(s);
        if (a instanceof Inet6Address a6) {
            return a6;
        }
        return ipv6(mapped(a.getAddress()));
    }

    /** Parses an IPv4 literal, e.g. {@code 192.0.2.1}. */
    public static Inet4Address parseIpv4(String s) {
        if (s.indexOf(':') >= 0 || s.isEmpty()) {
            throw new IllegalArgumentException("not an IPv4 address literal: '" + s + "'");
        }
        return (Inet4Address) literal(s);
    }

    static byte[] masked(byte[] a, int length) {
        for (int i = 0; i < a.length; i++) {
            int keep = Math.max(0, Math.min(8, length - 8 * i));
            a[i] &= (byte) (0xff00 >> keep);
        }
        return a;
    }

    private static byte[] mapped(byte[] v4) {
        byte[] a = new byte[16];
        a[10] = (byte) 0xff;
        a[11] = (byte) 0xff;
        System.arraycopy(v4, 0, a, 12, 4);
        return a;
    }

    private static InetAddress literal(String s) {
        if (s.isEmpty() || !(s.indexOf(':') >= 0 || s.chars().allMatch(c -> c == '.' || (c >= '0' && c <= '9')))) {
            throw new IllegalArgumentException("not an address literal: '" + s + "'");
        }
        try {
            return InetAddress.getByName(s);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an address literal: '" + s + "'", e);
        }
    }
}

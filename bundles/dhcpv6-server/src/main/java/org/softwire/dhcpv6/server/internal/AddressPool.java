package org.softwire.dhcpv6.server.internal;

import java.math.BigInteger;
import java.net.Inet6Address;
import java.util.function.Predicate;
import org.softwire.dhcpv6.Addresses;
import org.softwire.dhcpv6.Ipv6Prefix;

/**
 * A range of addresses ({@code first-last}) or of delegated prefixes ({@code prefix/len delegated-len}), handed
 * out round-robin from a cursor so that a released address is not given to the next client at once.
 */
final class AddressPool {
    private final BigInteger first;
    private final BigInteger size;
    private final int step;        // bits below the delegated prefix (0 for addresses)
    private final int length;      // 128 for addresses, else the delegated length
    private final String text;
    private BigInteger cursor = BigInteger.ZERO;

    private AddressPool(BigInteger first, BigInteger size, int length, String text) {
        this.first = first;
        this.size = size;
        this.length = length;
        this.step = 128 - length;
        this.text = text;
    }

    /** {@code 2001:db8::100-2001:db8::1ff}. */
    static AddressPool addresses(String range) {
        String[] p = range.split("-");
        if (p.length != 2) {
            throw new IllegalArgumentException("address pool '" + range + "': expected first-last");
        }
        BigInteger a = toInt(Addresses.parseIpv6(p[0].trim()));
        BigInteger b = toInt(Addresses.parseIpv6(p[1].trim()));
        if (b.compareTo(a) < 0) {
            throw new IllegalArgumentException("address pool '" + range + "': last before first");
        }
        return new AddressPool(a, b.subtract(a).add(BigInteger.ONE), 128, p[0].trim() + "-" + p[1].trim());
    }

    /** {@code 2001:db8:100::/40 56}: the /56 prefixes of 2001:db8:100::/40. */
    static AddressPool prefixes(String spec) {
        String[] p = spec.trim().split("\\s+");
        if (p.length != 2) {
            throw new IllegalArgumentException("prefix pool '" + spec + "': expected 'prefix/len delegated-len'");
        }
        Ipv6Prefix base = Ipv6Prefix.parse(p[0]);
        int delegated;
        try {
            delegated = Integer.parseInt(p[1].startsWith("/") ? p[1].substring(1) : p[1]);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("prefix pool '" + spec + "': delegated length not a number", e);
        }
        if (delegated < base.length() || delegated > 128 || delegated - base.length() > 62) {
            throw new IllegalArgumentException("prefix pool '" + spec + "': delegated length " + delegated
                    + " must be within " + base.length() + ".." + Math.min(128, base.length() + 62));
        }
        return new AddressPool(toInt(base.address()), BigInteger.ONE.shiftLeft(delegated - base.length()), delegated,
                base + " delegated /" + delegated);
    }

    int length() { return length; }

    boolean contains(Ipv6Prefix p) {
        if (p.length() != length) {
            return false;
        }
        BigInteger idx = toInt(p.address()).subtract(first).shiftRight(step);
        return toInt(p.address()).compareTo(first) >= 0 && idx.compareTo(size) < 0;
    }

    /** The next element for which {@code free} holds, or null when the pool is exhausted. */
    synchronized Ipv6Prefix next(Predicate<Ipv6Prefix> free) {
        BigInteger tries = size.min(BigInteger.valueOf(1_000_000));
        for (BigInteger i = BigInteger.ZERO; i.compareTo(tries) < 0; i = i.add(BigInteger.ONE)) {
            Ipv6Prefix candidate = at(cursor);
            cursor = cursor.add(BigInteger.ONE);
            if (cursor.compareTo(size) >= 0) {
                cursor = BigInteger.ZERO;
            }
            if (free.test(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    private Ipv6Prefix at(BigInteger index) {
        return new Ipv6Prefix(fromInt(first.add(index.shiftLeft(step))), length);
    }

    static BigInteger toInt(Inet6Address a) {
        return new BigInteger(1, a.getAddress());
    }

    static Inet6Address fromInt(BigInteger v) {
        byte[] raw = v.toByteArray();
        byte[] a = new byte[16];
        int n = Math.min(16, raw.length);
        System.arraycopy(raw, raw.length - n, a, 16 - n, n);
        return Addresses.ipv6(a);
    }

    @Override
    public String toString() { return text; }
}

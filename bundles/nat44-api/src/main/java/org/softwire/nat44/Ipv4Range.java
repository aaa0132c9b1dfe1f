package org.softwire.nat44;

import org.softwire.packet.IpAddress;
import org.softwire.packet.IpFamily;

/**
 * An inclusive range of IPv4 addresses (unsigned order), written as a prefix {@code 192.0.2.0/28}, a range
 * {@code 192.0.2.1-192.0.2.14} or a single address. External pools are lists of these, need not be contiguous
 * (RFC 6888 REQ-3) and must not overlap (RFC 6333 §8.1).
 */
public record Ipv4Range(int first, int last) {

    public Ipv4Range {
        if (Integer.compareUnsigned(first, last) > 0) {
            throw new IllegalArgumentException("bad address range " + text(first) + "-" + text(last)
                    + ": the first address is above the last");
        }
    }

    /** Number of addresses in the range (1 to 2^32). */
    public long size() {
        return (last & 0xFFFFFFFFL) - (first & 0xFFFFFFFFL) + 1;
    }

    public boolean contains(int address) {
        return Integer.compareUnsigned(address, first) >= 0 && Integer.compareUnsigned(address, last) <= 0;
    }

    public boolean overlaps(Ipv4Range o) {
        return Integer.compareUnsigned(first, o.last) <= 0 && Integer.compareUnsigned(o.first, last) <= 0;
    }

    /**
     * Parses {@code a.b.c.d/len}, {@code a.b.c.d-e.f.g.h} or {@code a.b.c.d}.
     * @throws IllegalArgumentException quoting the text and saying what is wrong (bad address, prefix length
     *         outside 0-32, host bits set, first above last)
     */
    public static Ipv4Range parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("empty IPv4 prefix or range");
        }
        String t = text.trim();
        int slash = t.indexOf('/');
        int dash = t.indexOf('-');
        try {
            if (slash >= 0) {
                int addr = v4(t.substring(0, slash));
                int len;
                try {
                    len = Integer.parseInt(t.substring(slash + 1));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("prefix length is not a number", e);
                }
                if (len < 0 || len > 32) {
                    throw new IllegalArgumentException("prefix length " + len + " is outside 0-32");
                }
                int hostMask = len == 0 ? -1 : (int) ((1L << (32 - len)) - 1);
                if ((addr & hostMask) != 0) {
                    throw new IllegalArgumentException("host bits are set (did you mean "
                            + text(addr & ~hostMask) + "/" + len + "?)");
                }
                return new Ipv4Range(addr, addr | hostMask);
            }
            if (dash >= 0) {
                return new Ipv4Range(v4(t.substring(0, dash)), v4(t.substring(dash + 1)));
            }
            int a = v4(t);
            return new Ipv4Range(a, a);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("bad IPv4 prefix or range '" + text + "': " + e.getMessage(), e);
        }
    }

    private static int v4(String s) {
        IpAddress a = IpAddress.parse(s.trim());
        if (a.family() != IpFamily.IPV4) {
            throw new IllegalArgumentException(s.trim() + " is not an IPv4 address");
        }
        return a.v4();
    }

    /** Dotted-quad text of an address. */
    public static String text(int address) {
        return (address >>> 24) + "." + ((address >>> 16) & 0xFF) + "." + ((address >>> 8) & 0xFF) + "." + (address & 0xFF);
    }

    @Override
    public String toString() {
        return first == last ? text(first) : text(first) + "-" + text(last);
    }
}

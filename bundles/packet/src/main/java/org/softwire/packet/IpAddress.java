package org.softwire.packet;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * An immutable IPv4 or IPv6 address for the control plane, with the forms the data path compares against
 * precomputed: {@link #v4()} as an int and {@link #hi()}/{@link #lo()} as two longs for IPv6. Parsing accepts
 * literals only and never does a DNS lookup.
 */
public final class IpAddress {
    private final IpFamily family;
    private final byte[] bytes;
    private final long hi;
    private final long lo;

    private IpAddress(IpFamily family, byte[] bytes) {
        this.family = family;
        this.bytes = bytes;
        ByteBuffer b = ByteBuffer.wrap(bytes);
        if (family == IpFamily.IPV4) {
            this.hi = 0;
            this.lo = b.getInt(0) & 0xFFFFFFFFL;
        } else {
            this.hi = b.getLong(0);
            this.lo = b.getLong(8);
        }
    }

    /** An address from its 4 or 16 octets (copied). */
    public static IpAddress of(byte[] octets) {
        if (octets.length == 4) {
            return new IpAddress(IpFamily.IPV4, octets.clone());
        }
        if (octets.length == 16) {
            return new IpAddress(IpFamily.IPV6, octets.clone());
        }
        throw new IllegalArgumentException("an IP address has 4 or 16 octets, not " + octets.length);
    }

    /** An IPv4 address from its 32-bit value. */
    public static IpAddress ofV4(int value) {
        return new IpAddress(IpFamily.IPV4, ByteBuffer.allocate(4).putInt(value).array());
    }

    /** Reads an address of the given family at an absolute offset (control plane; allocates). */
    public static IpAddress read(ByteBuffer data, int offset, IpFamily family) {
        byte[] b = new byte[family.addressLength()];
        data.get(offset, b);
        return new IpAddress(family, b);
    }

    /** An IPv6 address from its upper and lower 64 bits. */
    public static IpAddress ofV6(long hi, long lo) {
        return new IpAddress(IpFamily.IPV6, ByteBuffer.allocate(16).putLong(hi).putLong(lo).array());
    }

    /**
     * Parses an IPv4 dotted quad or an IPv6 literal (RFC 4291 §2.2 text forms, optionally in brackets). Strict:
     * no leading zeros in IPv4 parts, no zone identifiers, no host names (never a DNS lookup).
     *
     * @throws IllegalArgumentException whose message quotes the text and says what is wrong with it
     */
    public static IpAddress parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("empty IP address");
        }
        String t = text.trim();
        boolean bracketed = t.startsWith("[") && t.endsWith("]");
        if (bracketed) {
            t = t.substring(1, t.length() - 1);
        }
        String why;
        byte[] b;
        if (t.indexOf(':') >= 0) {
            b = new byte[16];
            why = Ipv6Text.parseV6(t, b);
        } else if (bracketed) {
            throw new IllegalArgumentException("not an IP address: '" + text + "': brackets hold IPv6 addresses only");
        } else {
            b = new byte[4];
            why = Ipv6Text.parseV4(t, b, 0);
        }
        if (why != null) {
            throw new IllegalArgumentException("not an IP address: '" + text + "': " + why);
        }
        return new IpAddress(b.length == 4 ? IpFamily.IPV4 : IpFamily.IPV6, b);
    }

    public IpFamily family() { return family; }

    /** A copy of the address octets. */
    public byte[] toByteArray() { return bytes.clone(); }

    /** Writes the address octets at an absolute offset. */
    public void writeTo(ByteBuffer data, int offset) { data.put(offset, bytes); }

    /** True if the address at the given absolute offset equals this one (no allocation). */
    public boolean matches(ByteBuffer data, int offset) {
        if (family == IpFamily.IPV4) {
            return data.getInt(offset) == (int) lo;
        }
        return data.getLong(offset) == hi && data.getLong(offset + 8) == lo;
    }

    /** The IPv4 address as an int (IPv4 only). */
    public int v4() { return (int) lo; }

    /** Upper 64 bits of an IPv6 address. */
    public long hi() { return hi; }

    /** Lower 64 bits of an IPv6 address (or the IPv4 address, zero-extended). */
    public long lo() { return lo; }

    public InetAddress toInetAddress() {
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IpAddress && ((IpAddress) o).family == family && Arrays.equals(((IpAddress) o).bytes, bytes);
    }

    @Override
    public int hashCode() { return Arrays.hashCode(bytes); }

    /** Canonical text: dotted quad, or RFC 5952 text for IPv6 (IPv4-mapped addresses as ::ffff:a.b.c.d). */
    @Override
    public String toString() {
        if (family == IpFamily.IPV4) {
            return (bytes[0] & 0xFF) + "." + (bytes[1] & 0xFF) + "." + (bytes[2] & 0xFF) + "." + (bytes[3] & 0xFF);
        }
        return Ipv6Text.format(bytes);
    }
}

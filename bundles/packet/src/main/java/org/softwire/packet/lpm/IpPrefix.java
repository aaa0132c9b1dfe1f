package org.softwire.packet.lpm;

import org.softwire.packet.IpAddress;
import org.softwire.packet.IpFamily;

/**
 * An IPv4 or IPv6 network prefix such as {@code 198.51.100.0/24} (control plane; immutable). Parsing is strict:
 * the length is required and bits beyond it must be zero, so a typo like {@code 198.51.100.1/24} is an error
 * rather than a silently different route.
 *
 * @param address the network address (host bits zero)
 * @param length  0-32 for IPv4, 0-128 for IPv6
 */
public record IpPrefix(IpAddress address, int length) {
    public IpPrefix {
        if (length < 0 || length > address.family().addressLength() * 8) {
            throw new IllegalArgumentException("prefix length " + length + " is not in 0-"
                    + address.family().addressLength() * 8 + " for " + address);
        }
        int bit = firstHostBit(address.toByteArray(), length);
        if (bit >= 0) {
            throw new IllegalArgumentException("prefix " + address + "/" + length + " has host bits set (bit " + bit
                    + "); the network is " + network(address, length) + "/" + length);
        }
    }

    /**
     * Parses {@code address/length}.
     *
     * @throws IllegalArgumentException naming the text and what is wrong: no length, a bad length, a bad address,
     *                                  host bits set
     */
    public static IpPrefix parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("empty prefix");
        }
        String t = text.trim();
        int slash = t.indexOf('/');
        if (slash < 0) {
            throw new IllegalArgumentException("prefix '" + t + "' has no /length");
        }
        String l = t.substring(slash + 1);
        if (!l.matches("\\d{1,3}")) {
            throw new IllegalArgumentException("prefix '" + t + "': bad length '" + l + "'");
        }
        IpAddress a;
        try {
            a = IpAddress.parse(t.substring(0, slash));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("prefix '" + t + "': " + e.getMessage(), e);
        }
        try {
            return new IpPrefix(a, Integer.parseInt(l));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("prefix '" + t + "': " + e.getMessage(), e);
        }
    }

    /** The default route of a family: {@code 0.0.0.0/0} or {@code ::/0}. */
    public static IpPrefix all(IpFamily family) {
        return new IpPrefix(IpAddress.of(new byte[family.addressLength()]), 0);
    }

    public IpFamily family() {
        return address.family();
    }

    /** True if {@code a} (of any family) lies in this prefix. */
    public boolean contains(IpAddress a) {
        if (a.family() != family()) {
            return false;
        }
        byte[] p = address.toByteArray();
        byte[] b = a.toByteArray();
        for (int bit = 0; bit < length; bit++) {
            int m = 0x80 >>> (bit & 7);
            if ((p[bit >>> 3] & m) != (b[bit >>> 3] & m)) {
                return false;
            }
        }
        return true;
    }

    private static int firstHostBit(byte[] b, int length) {
        for (int bit = length; bit < b.length * 8; bit++) {
            if ((b[bit >>> 3] & (0x80 >>> (bit & 7))) != 0) {
                return bit;
            }
        }
        return -1;
    }

    private static IpAddress network(IpAddress a, int length) {
        byte[] b = a.toByteArray();
        for (int bit = length; bit < b.length * 8; bit++) {
            b[bit >>> 3] &= (byte) ~(0x80 >>> (bit & 7));
        }
        return IpAddress.of(b);
    }

    @Override
    public String toString() {
        return address + "/" + length;
    }
}

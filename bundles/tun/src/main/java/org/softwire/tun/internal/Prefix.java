package org.softwire.tun.internal;

import org.softwire.packet.IpAddress;
import org.softwire.packet.IpFamily;

/** An address with a prefix length, e.g. {@code 192.0.2.1/24} (an interface address) or a route's destination. */
record Prefix(IpAddress address, int length) {
    /**
     * Parses {@code address/length}; without {@code /length}, a host prefix (32 or 128).
     *
     * @throws IllegalArgumentException with the offending text
     */
    static Prefix parse(String text) {
        String t = text.trim();
        int slash = t.indexOf('/');
        IpAddress a = IpAddress.parse(slash < 0 ? t : t.substring(0, slash));
        int max = a.family() == IpFamily.IPV4 ? 32 : 128;
        int len = max;
        if (slash >= 0) {
            String l = t.substring(slash + 1);
            if (!l.matches("\\d{1,3}")) {
                throw new IllegalArgumentException("bad prefix length '" + l + "' in '" + text + "'");
            }
            len = Integer.parseInt(l);
        }
        if (len > max) {
            throw new IllegalArgumentException("prefix length " + len + " above " + max + " in '" + text + "'");
        }
        return new Prefix(a, len);
    }

    IpFamily family() { return address.family(); }

    /** True if bits beyond the prefix length are zero (required of a route destination). */
    boolean isNetwork() {
        byte[] b = address.toByteArray();
        for (int bit = length; bit < b.length * 8; bit++) {
            if ((b[bit >>> 3] & (0x80 >>> (bit & 7))) != 0) {
                return false;
            }
        }
        return true;
    }

    /** The network of this prefix (host bits cleared). */
    Prefix network() {
        byte[] b = address.toByteArray();
        for (int bit = length; bit < b.length * 8; bit++) {
            b[bit >>> 3] &= (byte) ~(0x80 >>> (bit & 7));
        }
        return new Prefix(IpAddress.of(b), length);
    }

    @Override
    public String toString() { return address + "/" + length; }
}

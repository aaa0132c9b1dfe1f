package org.softwire.bgp.internal;

import org.softwire.bgp.wire.SessionContext.EndpointCheck;

/**
 * RFC 6890 special-purpose blocks whose "destination" or "forwardable" attribute is false, plus multicast and the
 * limited broadcast address: a Tunnel Egress Endpoint there is malformed [RFC 9012 §3.1]. More specific blocks
 * that are forwardable (192.0.0.0/29 DS-Lite, 2001::/32 Teredo, 2001:2::/48 benchmarking) are exceptions.
 */
public final class SpecialPurposeAddresses {
    private static final byte[][] V4 = {
        {0, 0, 0, 0, 8}, {127, 0, 0, 0, 8}, {(byte) 169, (byte) 254, 0, 0, 16}, {(byte) 192, 0, 0, 0, 24},
        {(byte) 192, 0, 2, 0, 24}, {(byte) 198, 51, 100, 0, 24}, {(byte) 203, 0, 113, 0, 24},
        {(byte) 224, 0, 0, 0, 4}, {(byte) 240, 0, 0, 0, 4},
    };
    private static final byte[][] V4_FORWARDABLE = {{(byte) 192, 0, 0, 0, 29}};
    private static final byte[][] V4_DOCUMENTATION = {
        {(byte) 192, 0, 2, 0, 24}, {(byte) 198, 51, 100, 0, 24}, {(byte) 203, 0, 113, 0, 24},
    };
    private static final byte[][] V6 = {
        v6(128), v6(128, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1), v6(96, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, -1, -1),
        v6(23, 0x20, 0x01), v6(32, 0x20, 0x01, 0x0d, 0xb8), v6(10, 0xfe, 0x80), v6(8, 0xff),
    };
    private static final byte[][] V6_FORWARDABLE = {v6(32, 0x20, 0x01), v6(48, 0x20, 0x01, 0, 2)};
    private static final byte[][] V6_DOCUMENTATION = {v6(32, 0x20, 0x01, 0x0d, 0xb8)};

    private SpecialPurposeAddresses() {
    }

    /** Address octets (16) followed by the prefix length. */
    private static byte[] v6(int len, int... octets) {
        byte[] r = new byte[17];
        for (int i = 0; i < octets.length; i++) {
            r[i] = (byte) octets[i];
        }
        r[16] = (byte) len;
        return r;
    }

    /** Whether {@code address} (4 or 16 octets) may not be a tunnel egress endpoint under {@code check}. */
    public static boolean forbidden(byte[] address, EndpointCheck check) {
        if (check == EndpointCheck.OFF) {
            return false;
        }
        boolean v4 = address.length == 4;
        if (check == EndpointCheck.ALLOW_DOCUMENTATION && in(address, v4 ? V4_DOCUMENTATION : V6_DOCUMENTATION)) {
            return false;
        }
        if (!v4 && address[0] == 0 && allZero(address, 1, 10) && address[10] == -1 && address[11] == -1) {
            return true; // IPv4-mapped
        }
        if (in(address, v4 ? V4_FORWARDABLE : V6_FORWARDABLE)) {
            return false;
        }
        if (v4 && address[0] == -1 && address[1] == -1 && address[2] == -1 && address[3] == -1) {
            return true;
        }
        return in(address, v4 ? V4 : V6);
    }

    private static boolean allZero(byte[] a, int from, int to) {
        for (int i = from; i < to; i++) {
            if (a[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean in(byte[] a, byte[][] blocks) {
        for (byte[] blk : blocks) {
            int len = blk[blk.length - 1] & 0xff;
            if (matches(a, blk, len)) {
                return true;
            }
        }
        return false;
    }

    private static boolean matches(byte[] a, byte[] blk, int bits) {
        int full = bits / 8;
        for (int i = 0; i < full; i++) {
            if (a[i] != blk[i]) {
                return false;
            }
        }
        int rest = bits % 8;
        if (rest == 0) {
            return true;
        }
        int mask = (0xff << (8 - rest)) & 0xff;
        return (a[full] & mask) == (blk[full] & mask);
    }
}

package org.softwire.bgp.wire;

import java.util.Arrays;
import java.util.HexFormat;

/** An immutable octet string with value equality and a hex {@code toString}; used for opaque wire values. */
public final class Octets {
    public static final Octets EMPTY = new Octets(new byte[0]);
    private static final HexFormat HEX = HexFormat.of();
    private final byte[] bytes;

    private Octets(byte[] bytes) {
        this.bytes = bytes;
    }

    /** A copy of {@code bytes}. */
    public static Octets of(byte... bytes) {
        return bytes.length == 0 ? EMPTY : new Octets(bytes.clone());
    }

    /** A copy of {@code length} octets of {@code src} from {@code offset}. */
    public static Octets of(byte[] src, int offset, int length) {
        return length == 0 ? EMPTY : new Octets(Arrays.copyOfRange(src, offset, offset + length));
    }

    /** Parses hex digits; spaces are ignored. */
    public static Octets hex(String hex) {
        return of(HEX.parseHex(hex.replace(" ", "")));
    }

    public int length() {
        return bytes.length;
    }

    /** Octet {@code i} as an unsigned value. */
    public int get(int i) {
        return bytes[i] & 0xff;
    }

    /** A copy of the octets. */
    public byte[] toByteArray() {
        return bytes.clone();
    }

    /** Copies the octets into {@code dst} at {@code offset}. */
    public void copyTo(byte[] dst, int offset) {
        System.arraycopy(bytes, 0, dst, offset, bytes.length);
    }

    public String toHex() {
        return HEX.formatHex(bytes);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Octets other && Arrays.equals(bytes, other.bytes);
    }

    /**
     * Well spread and, for up to 4 octets, free of collisions: Octets are hash keys (prefixes of a 1M-route feed).
     * {@code Arrays.hashCode} gave the 1M /24s 1.0.0/24 to 16.255.255/24 only ~24 000 distinct values
     * (31-polynomial over three octets), and hash tables keyed by them degenerated into trees.
     */
    @Override
    public int hashCode() {
        int h = bytes.length;
        for (int i = 0; i < bytes.length; i += 4) {
            int w = 0;
            for (int j = i; j < i + 4; j++) {
                w = w << 8 | (j < bytes.length ? bytes[j] & 0xff : 0);
            }
            h = (h ^ w) * 0x9e3779b1; // a bijection of w for a given h: no collision among equal-length values ≤ 4
            h = i + 4 < bytes.length ? Integer.rotateLeft(h, 15) : h;
        }
        h ^= h >>> 16; // MurmurHash3 fmix32, a bijection: spreads the bits
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        return h ^ h >>> 16;
    }

    @Override
    public String toString() {
        return toHex();
    }
}

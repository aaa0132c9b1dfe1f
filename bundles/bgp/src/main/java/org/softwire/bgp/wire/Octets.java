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

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return toHex();
    }
}

package org.softwire.dhcpv6;

import java.util.Arrays;
import java.util.HexFormat;

/** An immutable octet string with value equality (for DUIDs, opaque option data). */
public final class Octets {
    private static final HexFormat HEX = HexFormat.of();
    public static final Octets EMPTY = new Octets(new byte[0]);

    private final byte[] bytes;
    private int hash; // 0: not computed yet (as String does)

    private Octets(byte[] bytes) {
        this.bytes = bytes;
    }

    /** A copy of {@code bytes}. */
    public static Octets of(byte... bytes) {
        return new Octets(bytes.clone());
    }

    /** From hex digits, e.g. {@code "0011aabb"} (colons and spaces are ignored). */
    public static Octets ofHex(String hex) {
        return new Octets(HEX.parseHex(hex.replace(":", "").replace(" ", "")));
    }

    /** A copy of {@code length} octets at {@code offset}. */
    public static Octets of(byte[] bytes, int offset, int length) {
        return new Octets(Arrays.copyOfRange(bytes, offset, offset + length));
    }

    public int length() { return bytes.length; }

    public int get(int index) { return bytes[index] & 0xff; }

    /** A copy of the octets. */
    public byte[] toByteArray() { return bytes.clone(); }

    /** Writes the octets into {@code out} at its position. */
    public void writeTo(java.nio.ByteBuffer out) { out.put(bytes); }

    public String toHex() { return HEX.formatHex(bytes); }

    @Override
    public boolean equals(Object o) {
        return o instanceof Octets other && Arrays.equals(bytes, other.bytes);
    }

    /**
     * FNV-1a over the octets. Not {@link Arrays#hashCode(byte[])}: its 31-polynomial over signed octets maps DUIDs
     * that differ in their last few octets (clients' MAC addresses in DUID-LL/LLT, perfdhcp's simulated clients) onto
     * a few thousand values, e.g. 130,588 leases onto 18,133 hashes, and the server's lease maps then search long
     * collision chains on every message.
     */
    @Override
    public int hashCode() {
        int h = hash;
        if (h == 0) {
            h = 0x811c9dc5;
            for (byte b : bytes) {
                h = (h ^ (b & 0xff)) * 0x01000193;
            }
            hash = h;
        }
        return h;
    }

    @Override
    public String toString() { return toHex(); }
}

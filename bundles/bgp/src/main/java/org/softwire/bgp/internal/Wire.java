package org.softwire.bgp.internal;

/** Unsigned big-endian reads and writes over byte arrays. */
final class Wire {
    private Wire() {
    }

    static int u8(byte[] b, int i) {
        return b[i] & 0xff;
    }

    static int u16(byte[] b, int i) {
        return (b[i] & 0xff) << 8 | b[i + 1] & 0xff;
    }

    static long u32(byte[] b, int i) {
        return ((long) u16(b, i) << 16) | u16(b, i + 2);
    }

    static void put16(byte[] b, int i, int v) {
        b[i] = (byte) (v >> 8);
        b[i + 1] = (byte) v;
    }

    static void put32(byte[] b, int i, long v) {
        put16(b, i, (int) (v >>> 16));
        put16(b, i + 2, (int) v);
    }
}

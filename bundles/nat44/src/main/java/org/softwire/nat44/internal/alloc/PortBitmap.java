package org.softwire.nat44.internal.alloc;

/** Bit operations over a {@code long[]} bitmap addressed by a {@code long} bit index (port slots). */
final class PortBitmap {
    private static final long EVEN = 0x5555555555555555L;
    private static final long ODD = 0xAAAAAAAAAAAAAAAAL;

    private PortBitmap() {
    }

    static boolean get(long[] bits, long i) {
        return (bits[(int) (i >>> 6)] & (1L << i)) != 0;
    }

    static void set(long[] bits, long i) {
        bits[(int) (i >>> 6)] |= 1L << i;
    }

    static void clear(long[] bits, long i) {
        bits[(int) (i >>> 6)] &= ~(1L << i);
    }

    /**
     * The lowest offset in {@code [0, length)} whose bit at {@code from + offset} is clear and, unless
     * {@code parity} is -1, whose low bit equals {@code parity}; -1 if none. {@code length} is a power of two and
     * {@code from} a multiple of it (a port block), so a block below 64 bits sits inside one word.
     */
    static int findClear(long[] bits, long from, int length, int parity) {
        long parityMask = parity < 0 ? -1L : parity == 0 ? EVEN : ODD;
        if (length < 64) {
            long free = (~bits[(int) (from >>> 6)] >>> (from & 63)) & ((1L << length) - 1) & parityMask;
            return free == 0 ? -1 : Long.numberOfTrailingZeros(free);
        }
        int w0 = (int) (from >>> 6);
        int words = length >>> 6;
        for (int i = 0; i < words; i++) {
            long free = ~bits[w0 + i] & parityMask;
            if (free != 0) {
                return (i << 6) + Long.numberOfTrailingZeros(free);
            }
        }
        return -1;
    }

    /** Number of set bits in a block as {@link #findClear} describes it. */
    static int count(long[] bits, long from, int length) {
        if (length < 64) {
            return Long.bitCount((bits[(int) (from >>> 6)] >>> (from & 63)) & ((1L << length) - 1));
        }
        int n = 0;
        int w0 = (int) (from >>> 6);
        for (int i = 0; i < length >>> 6; i++) {
            n += Long.bitCount(bits[w0 + i]);
        }
        return n;
    }

    /**
     * The lowest offset in {@code [0, length)} whose bit at {@code from + offset} is clear and, unless
     * {@code parity} is -1, whose absolute bit index {@code from + offset} has that low bit; -1 if none. Any
     * alignment and length.
     */
    static int findClearRange(long[] bits, long from, int length, int parity) {
        long parityMask = parity < 0 ? -1L : parity == 0 ? EVEN : ODD;
        long end = from + length;
        for (long w = from >>> 6; (w << 6) < end; w++) {
            long start = w << 6;
            long free = ~bits[(int) w] & parityMask;
            if (start < from) {
                free &= -1L << (from - start);
            }
            if (end - start < 64) {
                free &= (1L << (end - start)) - 1;
            }
            if (free != 0) {
                return (int) (start + Long.numberOfTrailingZeros(free) - from);
            }
        }
        return -1;
    }
}

package org.softwire.softwire.internal;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The outer demultiplexer of one device: an immutable open-addressing hash from (kind, outer family, local
 * endpoint, remote endpoint, protocol, GRE key) to a small int, over primitive arrays (no allocation per lookup).
 * IPv4 addresses are kept as {@code hi = 0, lo = address}. Kinds:
 * <ul>
 * <li>{@link #EXACT}: (local, remote, protocol, key or -1) to the softwire that decapsulates it;</li>
 * <li>{@link #ANY_KEY}: (local, remote, protocol) to the first such softwire, so a packet with the wrong GRE key
 * still reaches the softwire of its endpoints, whose codec counts it as {@code gre-key-mismatch};</li>
 * <li>{@link #ANY_PROTOCOL}: (local, remote) to the first softwire, for ICMP errors about an embedded packet;</li>
 * <li>{@link #GROUP}: (local, protocol) to a group of softwires, charged an {@code unknown-remote} drop each.</li>
 * </ul>
 */
final class TunnelIndex {
    static final int EXACT = 0;
    static final int ANY_KEY = 1;
    static final int ANY_PROTOCOL = 2;
    static final int GROUP = 3;
    private static final int WIDTH = 5;

    private final long[] keys;
    private final int[] values;
    private final int mask;

    private TunnelIndex(long[] keys, int[] values) {
        this.keys = keys;
        this.values = values;
        this.mask = values.length - 1;
    }

    /** The key's first word: kind, family (4 or 6), protocol and GRE key (-1: none). */
    static long meta(int kind, int version, int protocol, long greKey) {
        return ((long) kind << 56) | ((long) version << 48) | ((long) (protocol & 0xFF) << 40)
                | (greKey < 0 ? 1L << 32 : greKey & 0xFFFFFFFFL);
    }

    private static int hash(long meta, long lHi, long lLo, long rHi, long rLo) {
        long h = meta * 0x9E3779B97F4A7C15L;
        h = (h ^ lHi) * 0xC2B2AE3D27D4EB4FL;
        h = (h ^ lLo) * 0x165667B19E3779F9L;
        h = (h ^ rHi) * 0x9E3779B97F4A7C15L;
        h = (h ^ rLo) * 0xC2B2AE3D27D4EB4FL;
        return (int) (h ^ (h >>> 29) ^ (h >>> 43));
    }

    /** The value stored for the key, or -1. */
    int find(long meta, long lHi, long lLo, long rHi, long rLo) {
        int i = hash(meta, lHi, lLo, rHi, rLo) & mask;
        while (true) {
            int v = values[i];
            if (v < 0) {
                return -1;
            }
            int k = i * WIDTH;
            if (keys[k] == meta && keys[k + 1] == lHi && keys[k + 2] == lLo && keys[k + 3] == rHi
                    && keys[k + 4] == rLo) {
                return v;
            }
            i = (i + 1) & mask;
        }
    }

    /** Collects keys (control plane); the first value given for a key stays. */
    static final class Builder {
        private record Key(long meta, long lHi, long lLo, long rHi, long rLo) {
        }

        private final Map<Key, Integer> entries = new LinkedHashMap<>();

        /** @return the value now stored for the key (the earlier one if the key was there) */
        int putIfAbsent(long meta, long lHi, long lLo, long rHi, long rLo, int value) {
            return entries.computeIfAbsent(new Key(meta, lHi, lLo, rHi, rLo), k -> value);
        }

        TunnelIndex build() {
            int size = Integer.highestOneBit(Math.max(4, entries.size() * 2 + 1)) << 1; // load factor below 1/2
            long[] k = new long[size * WIDTH];
            int[] v = new int[size];
            Arrays.fill(v, -1);
            int mask = size - 1;
            for (Map.Entry<Key, Integer> e : entries.entrySet()) {
                Key key = e.getKey();
                int i = hash(key.meta(), key.lHi(), key.lLo(), key.rHi(), key.rLo()) & mask;
                while (v[i] >= 0) {
                    i = (i + 1) & mask;
                }
                int b = i * WIDTH;
                k[b] = key.meta();
                k[b + 1] = key.lHi();
                k[b + 2] = key.lLo();
                k[b + 3] = key.rHi();
                k[b + 4] = key.rLo();
                v[i] = e.getValue();
            }
            return new TunnelIndex(k, v);
        }
    }
}

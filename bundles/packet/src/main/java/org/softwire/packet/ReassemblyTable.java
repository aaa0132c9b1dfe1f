package org.softwire.packet;

import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * The storage under {@link Reassembler}: a fixed number of reassembly contexts in primitive arrays, a chained hash
 * index over their keys, a FIFO of contexts in creation order (which is also deadline order, since the timeout is
 * fixed and {@code now} does not go backwards), a header slot per context for the offset-0 fragment's headers,
 * and an off-heap arena of {@value #CHUNK}-octet chunks for fragment data, with a bitmap of the 8-octet units
 * received. Everything is allocated by the constructor; nothing after.
 *
 * <p>A datagram's data octet {@code o} lives in chunk {@code chunkMap[ctx * chunksPerDatagram + o / CHUNK]} at
 * {@code o % CHUNK}; chunks are taken from the free stack when a fragment first touches them. The bitmap has one
 * bit per 8-octet unit (RFC 791 and RFC 8200 count fragment offsets in those units), two longs per chunk, so it
 * grows with the arena and not with the number of contexts. That is the "bitmap" alternative to RFC 815's hole
 * list: it detects any overlap exactly, which RFC 5722 needs, and needs no descriptors inside the data.
 *
 * <p>Not thread-safe: one instance per worker.
 */
final class ReassemblyTable {
    static final int CHUNK_SHIFT = 10;
    /** Arena chunk size in octets. */
    static final int CHUNK = 1 << CHUNK_SHIFT;
    /** Octets kept per context for the offset-0 fragment's headers (unfragmentable part + fragment header). */
    static final int HEADER_SLOT = 512;

    static final int FREE = 0;
    static final int ACTIVE = 1;
    /** Discarded after an overlap (RFC 5722 §4): remembered until its deadline so later fragments are dropped. */
    static final int TOMBSTONE = 2;

    /** Results of {@link #store}. */
    static final int STORED = 0;
    static final int DUPLICATE = 1;
    static final int OVERLAP = 2;
    static final int NO_MEMORY = 3;

    final int capacity;
    final int chunksPerDatagram;
    final int chunkCount;
    final ByteBuffer arena;
    final ByteBuffer headers;

    private final int[] freeChunks;
    private int freeChunkTop;
    private final long[] bits;

    private final long[] key0;
    private final long[] key1;
    private final long[] key2;
    private final long[] key3;
    private final int[] keyId;
    private final int[] buckets;
    private final int[] hashNext;
    private final long seed;

    private final int[] prev;
    private final int[] next;
    private int head = -1;
    private int tail = -1;
    private final int[] freeContexts;
    private int freeContextTop;
    private int inUse;

    final int[] state;
    final long[] deadline;
    private final int[] chunkMap;
    final int[] receivedUnits;
    /** Octets of data up to the end of the last fragment, or -1 until it arrives. */
    final int[] total;
    /** Largest data end received so far. */
    final int[] maxEnd;
    final int[] fragments;
    /** Octets stored in the header slot (0 until the offset-0 fragment arrives). */
    final int[] headerLength;
    /** Data octets of the offset-0 fragment (for the Time Exceeded quote). */
    final int[] firstDataLength;
    /** Family-specific word (IPv6: offset in the header slot of the Next Header field that holds 44). */
    final int[] extra;
    /** Bit {@code 1 << ecn} for every ECN codepoint seen in the fragments (RFC 3168 §5.3). */
    final int[] ecnSeen;

    ReassemblyTable(int maxDatagrams, int arenaBytes, int maxDatagramSize) {
        if (maxDatagrams < 1) {
            throw new IllegalArgumentException("maxDatagrams must be at least 1: " + maxDatagrams);
        }
        if (arenaBytes < CHUNK) {
            throw new IllegalArgumentException("arena of " + arenaBytes + " octets is smaller than one chunk of " + CHUNK);
        }
        capacity = maxDatagrams;
        chunksPerDatagram = (maxDatagramSize + CHUNK - 1) >>> CHUNK_SHIFT;
        chunkCount = arenaBytes >>> CHUNK_SHIFT;
        arena = ByteBuffer.allocateDirect(chunkCount << CHUNK_SHIFT);
        headers = ByteBuffer.allocateDirect(maxDatagrams * HEADER_SLOT);
        freeChunks = new int[chunkCount];
        for (int i = 0; i < chunkCount; i++) {
            freeChunks[i] = chunkCount - 1 - i;
        }
        freeChunkTop = chunkCount;
        bits = new long[chunkCount * 2];
        key0 = new long[maxDatagrams];
        key1 = new long[maxDatagrams];
        key2 = new long[maxDatagrams];
        key3 = new long[maxDatagrams];
        keyId = new int[maxDatagrams];
        buckets = new int[Integer.highestOneBit(maxDatagrams * 2 - 1) << 1];
        Arrays.fill(buckets, -1);
        hashNext = new int[maxDatagrams];
        seed = new SecureRandom().nextLong(); // senders choose the IDs: keep bucket choice unpredictable
        prev = new int[maxDatagrams];
        next = new int[maxDatagrams];
        freeContexts = new int[maxDatagrams];
        for (int i = 0; i < maxDatagrams; i++) {
            freeContexts[i] = maxDatagrams - 1 - i;
        }
        freeContextTop = maxDatagrams;
        state = new int[maxDatagrams];
        deadline = new long[maxDatagrams];
        chunkMap = new int[maxDatagrams * chunksPerDatagram];
        Arrays.fill(chunkMap, -1);
        receivedUnits = new int[maxDatagrams];
        total = new int[maxDatagrams];
        maxEnd = new int[maxDatagrams];
        fragments = new int[maxDatagrams];
        headerLength = new int[maxDatagrams];
        firstDataLength = new int[maxDatagrams];
        extra = new int[maxDatagrams];
        ecnSeen = new int[maxDatagrams];
    }

    private int bucket(long k0, long k1, long k2, long k3, int id) {
        long h = seed ^ (id * 0x9E3779B97F4A7C15L);
        h = (h ^ k0) * 0xBF58476D1CE4E5B9L;
        h = (h ^ k1) * 0x94D049BB133111EBL;
        h = (h ^ k2) * 0xBF58476D1CE4E5B9L;
        h = (h ^ k3) * 0x94D049BB133111EBL;
        h ^= h >>> 31;
        return (int) h & (buckets.length - 1);
    }

    /** The context (active or tombstone) with this key, or -1. */
    int find(long k0, long k1, long k2, long k3, int id) {
        for (int c = buckets[bucket(k0, k1, k2, k3, id)]; c >= 0; c = hashNext[c]) {
            if (keyId[c] == id && key0[c] == k0 && key1[c] == k1 && key2[c] == k2 && key3[c] == k3) {
                return c;
            }
        }
        return -1;
    }

    /** A new active context with this key and deadline, at the tail of the FIFO; -1 if all are in use. */
    int create(long k0, long k1, long k2, long k3, int id, long deadlineNanos) {
        if (freeContextTop == 0) {
            return -1;
        }
        int c = freeContexts[--freeContextTop];
        key0[c] = k0;
        key1[c] = k1;
        key2[c] = k2;
        key3[c] = k3;
        keyId[c] = id;
        int b = bucket(k0, k1, k2, k3, id);
        hashNext[c] = buckets[b];
        buckets[b] = c;
        prev[c] = tail;
        next[c] = -1;
        if (tail >= 0) {
            next[tail] = c;
        } else {
            head = c;
        }
        tail = c;
        state[c] = ACTIVE;
        deadline[c] = deadlineNanos;
        receivedUnits[c] = 0;
        total[c] = -1;
        maxEnd[c] = 0;
        fragments[c] = 0;
        headerLength[c] = 0;
        firstDataLength[c] = 0;
        extra[c] = 0;
        ecnSeen[c] = 0;
        inUse++;
        return c;
    }

    /** Oldest context (first to expire), or -1. */
    int head() { return head; }

    /** Contexts in use, tombstones included. */
    int inUse() { return inUse; }

    /** Arena octets held by fragment data. */
    long bytesInUse() { return (long) (chunkCount - freeChunkTop) << CHUNK_SHIFT; }

    /** Frees a context's chunks and keeps it as a tombstone (same key, same deadline). */
    void tombstone(int c) {
        freeChunks(c);
        state[c] = TOMBSTONE;
    }

    /** Frees a context entirely. */
    void release(int c) {
        freeChunks(c);
        int b = bucket(key0[c], key1[c], key2[c], key3[c], keyId[c]);
        if (buckets[b] == c) {
            buckets[b] = hashNext[c];
        } else {
            int p = buckets[b];
            while (hashNext[p] != c) {
                p = hashNext[p];
            }
            hashNext[p] = hashNext[c];
        }
        if (prev[c] >= 0) {
            next[prev[c]] = next[c];
        } else {
            head = next[c];
        }
        if (next[c] >= 0) {
            prev[next[c]] = prev[c];
        } else {
            tail = prev[c];
        }
        state[c] = FREE;
        freeContexts[freeContextTop++] = c;
        inUse--;
    }

    private void freeChunks(int c) {
        int base = c * chunksPerDatagram;
        for (int i = 0; i < chunksPerDatagram; i++) {
            int k = chunkMap[base + i];
            if (k >= 0) {
                bits[2 * k] = 0;
                bits[2 * k + 1] = 0;
                freeChunks[freeChunkTop++] = k;
                chunkMap[base + i] = -1;
            }
        }
        receivedUnits[c] = 0;
    }

    /** Units of {@code [u0, u1)} already received (chunks not allocated count as none). */
    private int unitsPresent(int c, int u0, int u1) {
        int n = 0;
        int base = c * chunksPerDatagram;
        for (int u = u0; u < u1; ) {
            int w = u >>> 6;
            int to = Math.min(u1, (w + 1) << 6);
            int k = chunkMap[base + (w >>> 1)];
            if (k >= 0) {
                n += Long.bitCount(bits[2 * k + (w & 1)] & mask(u & 63, to - (w << 6)));
            }
            u = to;
        }
        return n;
    }

    private void setUnits(int c, int u0, int u1) {
        int base = c * chunksPerDatagram;
        for (int u = u0; u < u1; ) {
            int w = u >>> 6;
            int to = Math.min(u1, (w + 1) << 6);
            bits[2 * chunkMap[base + (w >>> 1)] + (w & 1)] |= mask(u & 63, to - (w << 6));
            u = to;
        }
    }

    /** Bits {@code [from, to)} of a long, {@code 0 <= from < to <= 64}. */
    private static long mask(int from, int to) {
        return (-1L >>> (64 - (to - from))) << from;
    }

    /**
     * Stores {@code length} data octets from {@code src} at datagram offset {@code offset} (a multiple of 8).
     *
     * @return {@link #STORED}; {@link #DUPLICATE} if every unit was already there with the same octets (nothing
     *         changed); {@link #OVERLAP} if some were there, or all with other octets; {@link #NO_MEMORY} if the
     *         arena has too few free chunks (nothing changed)
     */
    int store(int c, ByteBuffer src, int srcOffset, int offset, int length) {
        int u0 = offset >>> 3;
        int u1 = (offset + length + 7) >>> 3;
        int present = unitsPresent(c, u0, u1);
        if (present == u1 - u0) {
            return sameOctets(c, src, srcOffset, offset, length) ? DUPLICATE : OVERLAP;
        }
        if (present != 0) {
            return OVERLAP;
        }
        int base = c * chunksPerDatagram;
        int firstChunk = offset >>> CHUNK_SHIFT;
        int lastChunk = (offset + length - 1) >>> CHUNK_SHIFT;
        int needed = 0;
        for (int i = firstChunk; i <= lastChunk; i++) {
            if (chunkMap[base + i] < 0) {
                needed++;
            }
        }
        if (needed > freeChunkTop) {
            return NO_MEMORY;
        }
        for (int i = firstChunk; i <= lastChunk; i++) {
            if (chunkMap[base + i] < 0) {
                chunkMap[base + i] = freeChunks[--freeChunkTop];
            }
        }
        for (int o = offset, s = srcOffset, end = offset + length; o < end; ) {
            int in = o & (CHUNK - 1);
            int n = Math.min(end - o, CHUNK - in);
            arena.put((chunkMap[base + (o >>> CHUNK_SHIFT)] << CHUNK_SHIFT) + in, src, s, n);
            o += n;
            s += n;
        }
        setUnits(c, u0, u1);
        receivedUnits[c] += u1 - u0;
        maxEnd[c] = Math.max(maxEnd[c], offset + length);
        return STORED;
    }

    private boolean sameOctets(int c, ByteBuffer src, int srcOffset, int offset, int length) {
        int base = c * chunksPerDatagram;
        for (int o = offset, s = srcOffset, end = offset + length; o < end; ) {
            int in = o & (CHUNK - 1);
            int n = Math.min(end - o, CHUNK - in);
            int at = (chunkMap[base + (o >>> CHUNK_SHIFT)] << CHUNK_SHIFT) + in;
            int i = 0;
            for (; i + 8 <= n; i += 8) {
                if (arena.getLong(at + i) != src.getLong(s + i)) {
                    return false;
                }
            }
            for (; i < n; i++) {
                if (arena.get(at + i) != src.get(s + i)) {
                    return false;
                }
            }
            o += n;
            s += n;
        }
        return true;
    }

    /** True once the last fragment arrived and every unit up to it too. */
    boolean complete(int c) {
        return total[c] >= 0 && receivedUnits[c] == (total[c] + 7) >>> 3;
    }

    /** Copies data octets {@code [0, length)} of a datagram (all received) to {@code dst} at {@code at}. */
    void copyOut(int c, ByteBuffer dst, int at, int length) {
        int base = c * chunksPerDatagram;
        for (int o = 0; o < length; ) {
            int n = Math.min(length - o, CHUNK);
            dst.put(at + o, arena, chunkMap[base + (o >>> CHUNK_SHIFT)] << CHUNK_SHIFT, n);
            o += n;
        }
    }

    /** Absolute offset of context {@code c}'s header slot in {@link #headers}. */
    static int slot(int c) { return c * HEADER_SLOT; }
}

package org.softwire.nat44.internal.alloc;

import java.util.Arrays;

/**
 * Subscriber key (two longs: the B4 IPv6 address for DS-Lite, RFC 6333 §6.6; {@code (0, IPv4)} for plain NAT44)
 * to a dense id in {@code [0, capacity)}. Open addressing with linear probing and backward-shift deletion over
 * primitive arrays; freed ids are reused (LIFO). No allocation after construction.
 */
final class SubscriberTable {
    private static final int EMPTY = -1;

    private final int capacity;
    private final int mask;
    private final int[] slots;        // id or EMPTY
    private final long[] keyHi;
    private final long[] keyLo;
    private final boolean[] live;
    private final int[] freeIds;
    private int freeTop;
    private int size;

    SubscriberTable(int capacity) {
        this(capacity, null, null);
    }

    /** A table of {@code capacity} ids; with {@code state}, the one {@link #export exported} there (no copy). */
    SubscriberTable(int capacity, java.util.Map<String, Object> state, String prefix) {
        this.capacity = capacity;
        int n = Integer.highestOneBit(Math.max(2, capacity) * 2 - 1) << 1;   // ≥ 2 × capacity, load ≤ 0.5
        this.mask = n - 1;
        if (state != null) {
            slots = AllocatorState.take(state, prefix + "slots", int[].class, n);
            keyHi = AllocatorState.take(state, prefix + "keyHi", long[].class, capacity);
            keyLo = AllocatorState.take(state, prefix + "keyLo", long[].class, capacity);
            live = AllocatorState.take(state, prefix + "live", boolean[].class, capacity);
            freeIds = AllocatorState.take(state, prefix + "freeIds", int[].class, capacity);
            freeTop = AllocatorState.index(state, prefix + "freeTop", capacity);
            size = AllocatorState.index(state, prefix + "size", capacity);
            return;
        }
        this.slots = new int[n];
        Arrays.fill(slots, EMPTY);
        this.keyHi = new long[capacity];
        this.keyLo = new long[capacity];
        this.live = new boolean[capacity];
        this.freeIds = new int[capacity];
        for (int i = 0; i < capacity; i++) {
            freeIds[i] = capacity - 1 - i;   // id 0 is handed out first
        }
        this.freeTop = capacity;
    }

    private static int hash(long hi, long lo) {
        long h = hi * 0x9E3779B97F4A7C15L ^ lo * 0xC2B2AE3D27D4EB4FL;
        h ^= h >>> 29;
        h *= 0xBF58476D1CE4E5B9L;
        return (int) (h ^ (h >>> 32));
    }

    /** The id of a key, or -1. */
    int find(long hi, long lo) {
        for (int i = hash(hi, lo) & mask; ; i = (i + 1) & mask) {
            int id = slots[i];
            if (id == EMPTY) {
                return -1;
            }
            if (keyHi[id] == hi && keyLo[id] == lo) {
                return id;
            }
        }
    }

    /** The id of a key, inserted if new; -1 if the table is full. */
    int findOrAdd(long hi, long lo) {
        int i = hash(hi, lo) & mask;
        for (; ; i = (i + 1) & mask) {
            int id = slots[i];
            if (id == EMPTY) {
                break;
            }
            if (keyHi[id] == hi && keyLo[id] == lo) {
                return id;
            }
        }
        if (freeTop == 0) {
            return -1;
        }
        int id = freeIds[--freeTop];
        keyHi[id] = hi;
        keyLo[id] = lo;
        live[id] = true;
        slots[i] = id;
        size++;
        return id;
    }

    /** Removes an id (its key becomes unknown, the id reusable). */
    void remove(int id) {
        if (!isLive(id)) {
            return;
        }
        int i = hash(keyHi[id], keyLo[id]) & mask;
        while (slots[i] != id) {
            i = (i + 1) & mask;
        }
        // backward-shift deletion keeps every probe chain unbroken without tombstones
        int hole = i;
        for (int j = (i + 1) & mask; slots[j] != EMPTY; j = (j + 1) & mask) {
            int home = hash(keyHi[slots[j]], keyLo[slots[j]]) & mask;
            if (((j - home) & mask) >= ((j - hole) & mask)) {
                slots[hole] = slots[j];
                hole = j;
            }
        }
        slots[hole] = EMPTY;
        live[id] = false;
        freeIds[freeTop++] = id;
        size--;
    }

    /** Takes over every entry of a table of the same capacity (ids unchanged): a pool change keeps subscribers. */
    void copyFrom(SubscriberTable o) {
        if (o.capacity != capacity) {
            throw new IllegalArgumentException("subscriber tables of " + o.capacity + " and " + capacity + " entries");
        }
        System.arraycopy(o.slots, 0, slots, 0, slots.length);
        System.arraycopy(o.keyHi, 0, keyHi, 0, capacity);
        System.arraycopy(o.keyLo, 0, keyLo, 0, capacity);
        System.arraycopy(o.live, 0, live, 0, capacity);
        System.arraycopy(o.freeIds, 0, freeIds, 0, capacity);
        freeTop = o.freeTop;
        size = o.size;
    }

    /** The table as JDK arrays and numbers under {@code prefix} (state hand-over; the arrays are shared). */
    void export(java.util.Map<String, Object> m, String prefix) {
        m.put(prefix + "slots", slots);
        m.put(prefix + "keyHi", keyHi);
        m.put(prefix + "keyLo", keyLo);
        m.put(prefix + "live", live);
        m.put(prefix + "freeIds", freeIds);
        m.put(prefix + "freeTop", (long) freeTop);
        m.put(prefix + "size", (long) size);
    }

    boolean isLive(int id) {
        return id >= 0 && id < capacity && live[id];
    }

    long keyHi(int id) { return keyHi[id]; }

    long keyLo(int id) { return keyLo[id]; }

    int size() { return size; }

    int capacity() { return capacity; }
}

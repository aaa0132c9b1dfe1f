package org.softwire.nat44.internal.alloc;

/**
 * Ports in hold-down (RFC 6888 REQ-8), oldest first: a ring of (port bit index, expiry time). The hold-down time
 * is the same for every entry, so entries expire in the order they were added. Bounded (REQ-8: the number of
 * ports in that state is configurable); no allocation after construction.
 */
final class HoldDownQueue {
    private final long[] what;
    private final long[] expiry;
    private int head;
    private int size;

    HoldDownQueue(int capacity) {
        what = new long[capacity];
        expiry = new long[capacity];
    }

    /** The queue {@link #export exported} under {@code prefix} in {@code state}, of {@code capacity} (no copy). */
    HoldDownQueue(int capacity, java.util.Map<String, Object> state, String prefix) {
        what = AllocatorState.take(state, prefix + "what", long[].class, capacity);
        expiry = AllocatorState.take(state, prefix + "expiry", long[].class, capacity);
        size = AllocatorState.index(state, prefix + "size", capacity);
        head = size == 0 ? 0 : AllocatorState.index(state, prefix + "head", capacity - 1);
    }

    boolean isEmpty() { return size == 0; }

    boolean isFull() { return size == what.length; }

    int size() { return size; }

    void add(long bit, long expiresAt) {
        int tail = head + size;
        if (tail >= what.length) {
            tail -= what.length;
        }
        what[tail] = bit;
        expiry[tail] = expiresAt;
        size++;
    }

    /** Takes over the entries of {@code o} in order, each port bit index mapped through {@code remap}. */
    void copyFrom(HoldDownQueue o, java.util.function.LongUnaryOperator remap) {
        if (o.size > what.length) {
            throw new IllegalArgumentException("hold-down queue of " + what.length + " cannot take " + o.size);
        }
        head = 0;
        size = 0;
        for (int i = 0, j = o.head; i < o.size; i++, j = j + 1 == o.what.length ? 0 : j + 1) {
            add(remap.applyAsLong(o.what[j]), o.expiry[j]);
        }
    }

    /** The queue as JDK arrays and numbers under {@code prefix} (state hand-over; the arrays are shared). */
    void export(java.util.Map<String, Object> m, String prefix) {
        m.put(prefix + "what", what);
        m.put(prefix + "expiry", expiry);
        m.put(prefix + "head", (long) head);
        m.put(prefix + "size", (long) size);
    }

    /** Expiry of the oldest entry (queue not empty). */
    long headExpiry() { return expiry[head]; }

    /** Removes the oldest entry and returns its port bit index (queue not empty). */
    long poll() {
        long w = what[head];
        head = head + 1 == what.length ? 0 : head + 1;
        size--;
        return w;
    }
}

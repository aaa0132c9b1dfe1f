package org.softwire.nat44.internal.session;

/** Hash mixing and slot reduction shared by the open-addressing indexes. */
final class Hashing {
    private Hashing() {
    }

    /** Bits of a slot value that hold the record number + 1; the 5 bits above hold a tag. */
    static final int RECORD_BITS = 27;
    static final int RECORD_MASK = (1 << RECORD_BITS) - 1;

    /**
     * An index slot's value: the record number + 1 (0 = empty) and, above it, 5 low bits of the key's hash (which
     * the slot reduction hardly uses). A probe whose tag differs skips the record without reading it: with a
     * million sessions that read is a cache miss.
     */
    static int slotValue(int hash, int record) {
        return (hash & 0x1F) << RECORD_BITS | (record + 1);
    }

    static int record(int slotValue) {
        return (slotValue & RECORD_MASK) - 1;
    }

    static boolean tagMatches(int slotValue, int hash) {
        return slotValue >>> RECORD_BITS == (hash & 0x1F);
    }

    /** A 64-bit finaliser (MurmurHash3 fmix64) folded to 32 bits. */
    static int mix(long x) {
        x ^= x >>> 33;
        x *= 0xFF51AFD7ED558CCDL;
        x ^= x >>> 33;
        x *= 0xC4CEB9FE1A85EC53L;
        x ^= x >>> 33;
        return (int) x;
    }

    /** Maps a 32-bit hash onto {@code [0, n)} with a multiply (Lemire's reduction), no power of two needed. */
    static int reduce(int hash, int n) {
        return (int) (((hash & 0xFFFFFFFFL) * n) >>> 32);
    }

    /** Index slots for a table of {@code capacity} records: load factor at most 2/3. */
    static int slotsFor(int capacity) {
        return capacity + (capacity >>> 1) + 1;
    }

    /**
     * Backward-shift deletion for linear probing (no tombstones): empties slot {@code i} and moves later entries
     * of the same cluster back so that every entry stays reachable from its home slot.
     */
    static void deleteSlot(int[] slots, int i, HomeFunction home) {
        int n = slots.length;
        int j = i;
        while (true) {
            j = j + 1 == n ? 0 : j + 1;
            int v = slots[j];
            if (v == 0) {
                break;
            }
            int k = home.home(record(v));
            // The entry at j may move to i unless its home k lies cyclically in (i, j].
            boolean stays = i <= j ? (i < k && k <= j) : (i < k || k <= j);
            if (!stays) {
                slots[i] = v;
                i = j;
            }
        }
        slots[i] = 0;
    }

    /** The home slot of a record, recomputed from its key. */
    interface HomeFunction {
        int home(int record);
    }
}

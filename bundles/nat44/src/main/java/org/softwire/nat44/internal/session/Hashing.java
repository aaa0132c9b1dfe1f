package org.softwire.nat44.internal.session;

/** Hash mixing and slot reduction shared by the open-addressing indexes. */
final class Hashing {
    private Hashing() {
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
            int k = home.home(v - 1);
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

package org.softwire.nat44.internal.session;

/**
 * Hash mixing, slot reduction and the slot encoding shared by the open-addressing indexes (linear probing,
 * backward-shift deletion, no tombstones).
 *
 * <p>A slot is an {@code int}: 0 when empty, else the record number + 1 in the low {@value #RECORD_BITS} bits and,
 * above them, a 3-bit <em>displacement</em> (how far the entry sits from its home slot, {@value #SAT} meaning "at
 * least {@value #SAT}") under 2 bits of the key's hash (a tag). Both serve to skip records without reading them
 * (with a million sessions every record read is a cache miss):
 * <ul>
 *   <li>a lookup at probe step {@code t} from its home can only match an entry whose displacement is {@code t}
 *   (entries of other home slots pass by) and whose tag equals its own;</li>
 *   <li>deletion learns the home slot of the entries it shifts back from their displacement instead of
 *   recomputing it from their record (and, for the mapping index, the subscriber's key); only a saturated
 *   displacement falls back to the record.</li>
 * </ul>
 */
final class Hashing {
    private Hashing() {
    }

    /** Bits of a slot value that hold the record number + 1. */
    static final int RECORD_BITS = 27;
    static final int RECORD_MASK = (1 << RECORD_BITS) - 1;
    /** Saturated displacement: the entry sits at least this many slots past its home. */
    static final int SAT = 7;
    private static final int DISP_MASK = 7;

    /** An index slot's value for a record placed {@code displacement} slots past its home. */
    static int slotValue(int hash, int record, int displacement) {
        return tag(hash) | Math.min(displacement, SAT) << RECORD_BITS | (record + 1);
    }

    /** The tag bits of a hash, in place (bits 31-30). */
    static int tag(int hash) {
        return hash << 30;
    }

    static int record(int slotValue) {
        return (slotValue & RECORD_MASK) - 1;
    }

    static int displacement(int slotValue) {
        return (slotValue >>> RECORD_BITS) & DISP_MASK;
    }

    /**
     * Whether the entry in a slot can be the key with {@code tag} ({@link #tag}) looked up at probe step
     * {@code step} (0 = its home slot; callers stop counting at {@link #SAT}).
     */
    static boolean candidate(int slotValue, int tag, int step) {
        return (slotValue & ~RECORD_MASK) == (tag | step << RECORD_BITS);
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
     * Index slots for the mapping indexes: load factor at most 3/4. Mappings reach the table's capacity only when
     * every mapping has exactly one session (usually a mapping carries several), and the 4 octets per record this
     * saves over {@link #slotsFor} pay for the outbound session hints ({@code MappingTable.hint}) within the
     * 64-octet budget per session.
     */
    static int denseSlotsFor(int capacity) {
        return capacity + capacity / 3 + 1;
    }

    /** Puts a record into the first free slot from its home (the caller knows the key is absent). */
    static void place(int[] slots, int hash, int record) {
        int n = slots.length;
        int i = reduce(hash, n);
        int d = 0;
        while (slots[i] != 0) {
            i = i + 1 == n ? 0 : i + 1;
            d++;
        }
        slots[i] = slotValue(hash, record, d);
    }

    /**
     * Backward-shift deletion for linear probing (no tombstones): empties slot {@code i} and moves later entries
     * of the same cluster back so that every entry stays reachable from its home slot. An entry's home comes from
     * its displacement; {@code home} (which reads the record) is asked only when the displacement is saturated.
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
            int gap = j >= i ? j - i : j + n - i;
            int d = displacement(v);
            if (d == SAT) {
                int k = home.home(record(v));
                d = j >= k ? j - k : j + n - k;
            }
            // The entry at j may move to i unless its home lies cyclically in (i, j], i.e. unless d < gap.
            if (d >= gap) {
                slots[i] = (v & ~(DISP_MASK << RECORD_BITS)) | Math.min(d - gap, SAT) << RECORD_BITS;
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

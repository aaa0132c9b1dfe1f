package org.softwire.nat44.internal.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.softwire.nat44.Nat44Config;

/**
 * The open-addressing tables against a HashMap model under random insert/remove churn in a small, crowded table
 * (clusters wrapping around the end), which exercises backward-shift deletion; and the memory budget.
 */
class TablesTest {

    /** A session table over {@code n} mappings 0..n-1 (the session index hashes their external endpoints). */
    private static SessionTable sessionsOver(int n, boolean adf) {
        Subscribers subs = new Subscribers(1);
        subs.setKey(0, 0x20010db8L << 32, 1);
        MappingTable maps = new MappingTable(64, subs);
        for (int m = 0; m < n; m++) {
            assertThat(maps.insert(0, 10, 1000 + m, m % 3, 42, 2000 + m)).isEqualTo(m);
        }
        return new SessionTable(64, adf, maps);
    }

    @Test
    void sessionIndexMatchesAModelUnderChurn() {
        for (boolean adf : new boolean[] {false, true}) {
            SessionTable t = sessionsOver(4, adf);
            Map<Long, Integer> model = new HashMap<>();
            Random r = new Random(adf ? 7 : 11);
            for (int op = 0; op < 20_000; op++) {
                int m = r.nextInt(4);
                int a = r.nextInt(8);
                int p = r.nextInt(16);
                long key = (long) m << 40 | (long) a << 20 | p;
                Integer s = model.get(key);
                if (s == null && !t.full()) {
                    model.put(key, t.insert(m, a, p, 0, 1));
                } else if (s != null) {
                    t.kill(s);
                    t.free(s);
                    model.remove(key);
                }
                if (op % 97 == 0) {
                    for (Map.Entry<Long, Integer> e : model.entrySet()) {
                        long k = e.getKey();
                        assertThat(t.find((int) (k >>> 40), (int) (k >>> 20) & 0xFFFFF, (int) k & 0xFFFFF))
                                .isEqualTo(e.getValue());
                    }
                    assertThat(t.live).isEqualTo(model.size());
                }
                if (adf && model.containsKey(key)) {
                    assertThat(t.findAddress(m, a)).isGreaterThanOrEqualTo(0);
                }
            }
        }
    }

    @Test
    void mappingIndexesMatchAModelUnderChurn() {
        Subscribers subs = new Subscribers(8);
        for (int s = 0; s < 8; s++) {
            subs.setKey(s, 0x20010db8L << 32 | s, s);
        }
        MappingTable t = new MappingTable(64, subs);
        Map<Long, Integer> model = new HashMap<>();
        List<Long> keys = new ArrayList<>();
        Random r = new Random(3);
        int nextExt = 0;
        for (int op = 0; op < 20_000; op++) {
            int sub = r.nextInt(8);
            int addr = r.nextInt(4);
            int port = r.nextInt(8);
            int proto = r.nextInt(3);
            long key = (long) sub << 32 | addr << 16 | port << 4 | proto;
            Integer m = model.get(key);
            if (m == null && !t.full()) {
                int ext = nextExt++ & 0xFFFF;
                int idx = t.insert(sub, addr, port, proto, 42, ext);
                model.put(key, idx);
            } else if (m != null) {
                int ext = t.externalPort(m);
                t.remove(m);
                model.remove(key);
                assertThat(t.findIn(42, ext, proto)).isEqualTo(-1);
            }
            if (op % 89 == 0) {
                for (Map.Entry<Long, Integer> e : model.entrySet()) {
                    long k = e.getKey();
                    int s = (int) (k >>> 32);
                    int mm = e.getValue();
                    assertThat(t.findOut(subs.keyHi(s), subs.keyLo(s), (int) (k >>> 16) & 0xFFFF,
                            (int) (k >>> 4) & 0xFFF, (int) k & 0xF)).isEqualTo(mm);
                    assertThat(t.findIn(42, t.externalPort(mm), t.protocol(mm))).isEqualTo(mm);
                }
            }
        }
        keys.clear();
    }

    /** A hash whose home slot in a table of 16 slots is {@code home}, with the given tag bits. */
    private static int hashWithHome(int home, int tag) {
        return home << 28 | tag;
    }

    private static int[] slotsWithHomes(int n, int[] homes, List<Integer> asked, int[][] homeOf) {
        int[] slots = new int[n];
        homeOf[0] = homes;
        for (int r = 0; r < homes.length; r++) {
            Hashing.place(slots, hashWithHome(homes[r], r & 3), r);
        }
        return slots;
    }

    @Test
    void deletionTakesHomesFromDisplacementsAndReadsNoRecordBelowSaturation() {
        List<Integer> asked = new ArrayList<>();
        int[][] homeOf = new int[1][];
        Hashing.HomeFunction home = r -> {
            asked.add(r);
            return homeOf[0][r];
        };
        // homes 3, 3, 4, 3, 6 -> slots 3..7 with displacements 0, 1, 1, 3, 1
        int[] slots = slotsWithHomes(16, new int[] {3, 3, 4, 3, 6}, asked, homeOf);
        assertThat(Hashing.displacement(slots[6])).isEqualTo(3);
        Hashing.deleteSlot(slots, 3, home);
        assertThat(asked).isEmpty();
        assertThat(new int[] {Hashing.record(slots[3]), Hashing.record(slots[4]), Hashing.record(slots[5]),
                Hashing.record(slots[6])}).containsExactly(1, 2, 3, 4);
        assertThat(new int[] {Hashing.displacement(slots[3]), Hashing.displacement(slots[4]),
                Hashing.displacement(slots[5]), Hashing.displacement(slots[6])}).containsExactly(0, 0, 2, 0);
        assertThat(slots[7]).isZero();
        assertThat(slots[3] >>> 30).as("tag kept").isEqualTo(1);

        // nine entries with home 14 wrap around the end; the last two have saturated displacements (7 and 8)
        slots = slotsWithHomes(16, new int[] {14, 14, 14, 14, 14, 14, 14, 14, 14}, asked, homeOf);
        assertThat(Hashing.displacement(slots[5])).isEqualTo(Hashing.SAT);
        assertThat(Hashing.displacement(slots[6])).isEqualTo(Hashing.SAT);
        Hashing.deleteSlot(slots, 14, home);
        assertThat(asked).as("only saturated entries are asked for their home").containsExactly(7, 8);
        for (int r = 1; r <= 8; r++) {
            int at = (14 + r - 1) % 16;
            assertThat(Hashing.record(slots[at])).isEqualTo(r);
            assertThat(Hashing.displacement(slots[at])).isEqualTo(Math.min(r - 1, Hashing.SAT));
        }
        assertThat(slots[(14 + 8) % 16]).isZero();
    }

    @Test
    void lookupsSkipEntriesOfOtherHomesWithoutReadingTheirRecords() {
        SessionTable t = sessionsOver(2, false);
        int a = t.insert(1, 10, 100, 0, 1);
        // corrupt the record's key: a probe that reaches the slot only at the wrong step must not read it
        int slot = t.home(a);
        int v = t.index[slot];
        t.index[slot] = (v & Hashing.RECORD_MASK) | (v & 0xC0000000) | 1 << Hashing.RECORD_BITS;
        assertThat(t.find(1, 10, 100)).as("displacement 1 at the home slot: another home's entry").isEqualTo(-1);
        t.index[slot] = v;
        assertThat(t.find(1, 10, 100)).isEqualTo(a);
    }

    /** The preload reads a record only if the home slot's entry can be the key's: no miss on another key's record. */
    @Test
    void preloadReadsNoRecordOfAnotherKey() {
        SessionTable t = sessionsOver(2, false);
        int a = t.insert(1, 10, 100, 0, 1);
        int h = t.hash(1, 10, 100);
        int slot = t.slot(h);
        assertThat(t.index[slot]).isEqualTo(Hashing.slotValue(h, a, 0));
        assertThat(t.preload(h)).isEqualTo(10);
        int v = t.index[slot];
        t.index[slot] = v ^ 0x40000000; // another tag: another key's entry
        assertThat(t.preload(h)).isZero();
        t.index[slot] = (v & ~(7 << Hashing.RECORD_BITS)) | 1 << Hashing.RECORD_BITS; // displaced: another home's
        assertThat(t.preload(h)).isZero();
        t.index[slot] = v;
    }

    @Test
    void anInboundPacketFindsItsSessionSlotWithoutTheMapping() {
        SessionTable t = sessionsOver(3, false);
        for (int m = 0; m < 3; m++) {
            // mapping m: external 42:(2000 + m), protocol m % 3
            assertThat(t.inboundHash(42, 2000 + m, m % 3, 0xC6336401, 53)).isEqualTo(t.hash(m, 0xC6336401, 53));
            int s = t.insert(m, 0xC6336401, 53, 0, 1);
            assertThat(t.find(t.inboundHash(42, 2000 + m, m % 3, 0xC6336401, 53), m, 0xC6336401, 53)).isEqualTo(s);
            if (t.index[t.slot(t.hash(m, 0xC6336401, 53))] == Hashing.slotValue(t.hash(m, 0xC6336401, 53), s, 0)) {
                assertThat(t.preload(t.hash(m, 0xC6336401, 53))).as("the record's remote address")
                        .isEqualTo(0xC6336401);
            }
        }
        assertThat(t.inboundHash(42, 2000, 1, 0xC6336401, 53)).as("protocol is part of the key")
                .isNotEqualTo(t.hash(0, 0xC6336401, 53));
    }

    @Test
    void oneMillionSessionsFitInSixtyFourOctetsEach() {
        Nat44Config c = Nat44Config.builder().capacity(1 << 20).build();
        Nat44Engine e = new Nat44Engine(c, new RobustnessTest.FlatAllocator());
        double perSession = (double) e.tableBytes() / c.capacity();
        assertThat(perSession).as("octets per session, all tables included").isLessThanOrEqualTo(64.0);
    }
}

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

    @Test
    void sessionIndexMatchesAModelUnderChurn() {
        for (boolean adf : new boolean[] {false, true}) {
            SessionTable t = new SessionTable(64, adf);
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

    @Test
    void oneMillionSessionsFitInSixtyFourOctetsEach() {
        Nat44Config c = Nat44Config.builder().capacity(1 << 20).build();
        Nat44Engine e = new Nat44Engine(c, new RobustnessTest.FlatAllocator());
        double perSession = (double) e.tableBytes() / c.capacity();
        assertThat(perSession).as("octets per session, all tables included").isLessThanOrEqualTo(64.0);
    }
}

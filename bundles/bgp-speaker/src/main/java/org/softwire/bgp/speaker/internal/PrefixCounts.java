package org.softwire.bgp.speaker.internal;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.softwire.bgp.wire.AfiSafi;
import org.softwire.bgp.wire.Prefix;

/**
 * The prefixes a session has installed, per family, for the counts of {@code PeerStatus} (the RIB holds the routes).
 * IPv4 prefixes are kept as primitive keys in an open-addressing table (16 octets per prefix at most, instead of
 * about 100 for a {@code Set<Prefix>} holding the decoded objects: 1M routes cost the speaker ~120 MiB and seconds
 * before). Other families (fewer prefixes) use a set. Written by the loop thread; counts are read from any thread.
 */
final class PrefixCounts {
    private final Map<AfiSafi, Table> tables = new ConcurrentHashMap<>();

    void add(AfiSafi family, Prefix p) {
        tables.computeIfAbsent(family, f -> f.afi() == AfiSafi.AFI_IPV4 ? new Ipv4Table() : new SetTable()).add(p);
    }

    void remove(AfiSafi family, Prefix p) {
        Table t = tables.get(family);
        if (t != null) {
            t.remove(p);
        }
    }

    int count(AfiSafi family) {
        Table t = tables.get(family);
        return t == null ? 0 : t.size;
    }

    Map<AfiSafi, Integer> counts() {
        Map<AfiSafi, Integer> m = new LinkedHashMap<>();
        tables.forEach((f, t) -> m.put(f, t.size));
        return m;
    }

    private abstract static class Table {
        volatile int size;

        abstract void add(Prefix p);

        abstract void remove(Prefix p);
    }

    private static final class SetTable extends Table {
        private final Set<Prefix> set = new HashSet<>();

        @Override
        void add(Prefix p) {
            set.add(p);
            size = set.size();
        }

        @Override
        void remove(Prefix p) {
            set.remove(p);
            size = set.size();
        }
    }

    /** Linear probing over {@code long} keys (address << 8 | length, plus 1 so that 0 marks a free slot). */
    static final class Ipv4Table extends Table {
        private long[] keys = new long[16];
        private int used;

        static long key(Prefix p) {
            long a = 0;
            for (int i = 0; i < 4; i++) {
                a = a << 8 | (i < p.octets().length() ? p.octets().get(i) : 0);
            }
            return (a << 8 | p.length()) + 1;
        }

        private static int slot(long k, int mask) {
            long h = k * 0x9e3779b97f4a7c15L;
            return (int) (h >>> 32) & mask;
        }

        @Override
        void add(Prefix p) {
            long k = key(p);
            int mask = keys.length - 1;
            int i = slot(k, mask);
            while (keys[i] != 0) {
                if (keys[i] == k) {
                    return;
                }
                i = (i + 1) & mask;
            }
            keys[i] = k;
            used++;
            if (used * 2 > keys.length) {
                grow();
            }
            size = used;
        }

        @Override
        void remove(Prefix p) {
            long k = key(p);
            int mask = keys.length - 1;
            int i = slot(k, mask);
            while (keys[i] != k) {
                if (keys[i] == 0) {
                    return;
                }
                i = (i + 1) & mask;
            }
            // backward-shift deletion: move later entries of the run into the hole when their home allows it
            int hole = i;
            for (int j = (hole + 1) & mask; keys[j] != 0; j = (j + 1) & mask) {
                int home = slot(keys[j], mask);
                if (((j - home) & mask) >= ((j - hole) & mask)) {
                    keys[hole] = keys[j];
                    hole = j;
                }
            }
            keys[hole] = 0;
            used--;
            size = used;
        }

        private void grow() {
            long[] old = keys;
            keys = new long[old.length * 2];
            int mask = keys.length - 1;
            for (long k : old) {
                if (k != 0) {
                    int i = slot(k, mask);
                    while (keys[i] != 0) {
                        i = (i + 1) & mask;
                    }
                    keys[i] = k;
                }
            }
        }
    }
}

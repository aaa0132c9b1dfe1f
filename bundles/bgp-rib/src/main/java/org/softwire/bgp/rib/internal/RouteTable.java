package org.softwire.bgp.rib.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.function.BiConsumer;
import org.softwire.bgp.wire.AfiSafi;
import org.softwire.bgp.wire.Octets;
import org.softwire.bgp.wire.Prefix;

/**
 * Prefix-keyed map of one family with compact keys: IPv4 prefixes are a primitive {@code long}
 * ({@code address << 8 | length}) in an open-addressing table (linear probing, backward-shift deletion), so a
 * million routes cost two arrays and no entry objects; IPv6 prefixes use a hash map of (hi, lo, length) keys.
 * Host bits past the length are ignored (cleared). Not thread-safe: the RIB's lock guards it.
 */
final class RouteTable<V> {
    private static final long FREE = -1L;
    private final boolean v4;
    private long[] keys;
    private Object[] values;
    private int size;
    private final Map<V6Key, V> v6;

    RouteTable(int afi) {
        this.v4 = afi == AfiSafi.AFI_IPV4;
        if (v4) {
            keys = new long[16];
            java.util.Arrays.fill(keys, FREE);
            values = new Object[16];
            v6 = null;
        } else {
            v6 = new HashMap<>();
        }
    }

    record V6Key(long hi, long lo, int length) {
    }

    static long key4(Prefix p) {
        long a = 0;
        int n = p.octets().length();
        for (int i = 0; i < 4; i++) {
            a = a << 8 | (i < n ? p.octets().get(i) : 0);
        }
        int len = p.length();
        long mask = len == 0 ? 0 : (0xffffffffL << (32 - len)) & 0xffffffffL;
        return (a & mask) << 8 | len;
    }

    static V6Key key6(Prefix p) {
        long hi = 0;
        long lo = 0;
        int n = p.octets().length();
        for (int i = 0; i < 16; i++) {
            int b = i < n ? p.octets().get(i) : 0;
            if (i < 8) {
                hi = hi << 8 | b;
            } else {
                lo = lo << 8 | b;
            }
        }
        int len = p.length();
        long hm = len >= 64 ? -1L : len == 0 ? 0 : -1L << (64 - len);
        long lm = len <= 64 ? 0 : len == 128 ? -1L : -1L << (128 - len);
        return new V6Key(hi & hm, lo & lm, len);
    }

    static Prefix prefix4(long key) {
        int len = (int) (key & 0xff);
        long a = key >>> 8;
        byte[] b = new byte[(len + 7) / 8];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) (a >>> (24 - 8 * i));
        }
        return new Prefix(AfiSafi.AFI_IPV4, len, Octets.of(b));
    }

    static Prefix prefix6(V6Key k) {
        byte[] b = new byte[(k.length() + 7) / 8];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) (i < 8 ? k.hi() >>> (56 - 8 * i) : k.lo() >>> (56 - 8 * (i - 8)));
        }
        return new Prefix(AfiSafi.AFI_IPV6, k.length(), Octets.of(b));
    }

    /** The prefix with host bits cleared. */
    static Prefix normalize(Prefix p) {
        return p.afi() == AfiSafi.AFI_IPV4 ? prefix4(key4(p)) : p.afi() == AfiSafi.AFI_IPV6 ? prefix6(key6(p)) : p;
    }

    int size() {
        return v4 ? size : v6.size();
    }

    V get(Prefix p) {
        return v4 ? get4(key4(p)) : v6.get(key6(p));
    }

    /** @return the previous value */
    V put(Prefix p, V v) {
        return v4 ? put4(key4(p), v) : v6.put(key6(p), v);
    }

    /** @return the removed value */
    V remove(Prefix p) {
        return v4 ? remove4(key4(p)) : v6.remove(key6(p));
    }

    void forEach(BiConsumer<Prefix, V> action) {
        if (v4) {
            long[] k = keys;
            Object[] vs = values;
            for (int i = 0; i < k.length; i++) {
                if (k[i] != FREE) {
                    @SuppressWarnings("unchecked")
                    V v = (V) vs[i];
                    action.accept(prefix4(k[i]), v);
                }
            }
        } else {
            new HashMap<>(v6).forEach((k, v) -> action.accept(prefix6(k), v));
        }
    }

    private static int hash(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }

    @SuppressWarnings("unchecked")
    private V get4(long key) {
        int mask = keys.length - 1;
        for (int i = hash(key) & mask; ; i = (i + 1) & mask) {
            long k = keys[i];
            if (k == key) {
                return (V) values[i];
            }
            if (k == FREE) {
                return null;
            }
        }
    }

    @SuppressWarnings("unchecked")
    private V put4(long key, V v) {
        if ((size + 1) * 4 > keys.length * 3) {
            grow();
        }
        int mask = keys.length - 1;
        for (int i = hash(key) & mask; ; i = (i + 1) & mask) {
            long k = keys[i];
            if (k == key) {
                V old = (V) values[i];
                values[i] = v;
                return old;
            }
            if (k == FREE) {
                keys[i] = key;
                values[i] = v;
                size++;
                return null;
            }
        }
    }

    @SuppressWarnings("unchecked")
    private V remove4(long key) {
        int mask = keys.length - 1;
        int i = hash(key) & mask;
        while (keys[i] != key) {
            if (keys[i] == FREE) {
                return null;
            }
            i = (i + 1) & mask;
        }
        V old = (V) values[i];
        // backward-shift deletion keeps probe chains intact without tombstones
        int hole = i;
        for (int j = (i + 1) & mask; keys[j] != FREE; j = (j + 1) & mask) {
            int home = hash(keys[j]) & mask;
            if (((j - home) & mask) >= ((j - hole) & mask)) {
                keys[hole] = keys[j];
                values[hole] = values[j];
                hole = j;
            }
        }
        keys[hole] = FREE;
        values[hole] = null;
        size--;
        return old;
    }

    private void grow() {
        long[] ok = keys;
        Object[] ov = values;
        keys = new long[ok.length * 2];
        java.util.Arrays.fill(keys, FREE);
        values = new Object[ok.length * 2];
        size = 0;
        for (int i = 0; i < ok.length; i++) {
            if (ok[i] != FREE) {
                @SuppressWarnings("unchecked")
                V v = (V) ov[i];
                put4(ok[i], v);
            }
        }
    }
}

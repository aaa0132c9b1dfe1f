package org.softwire.packet.lpm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.softwire.packet.IpAddress;

/** Both tables against a naive reference (scan every prefix, keep the longest) on random prefixes. */
class PrefixTableTest {
    /** Reference entry: a 128-bit network with its length and value. */
    record Ref(long hi, long lo, int length, int value) {
        boolean covers(long ahi, long alo) {
            return (ahi & mask(length)) == hi && (alo & mask(length - 64)) == lo;
        }
    }

    static long mask(int len) {
        return len <= 0 ? 0 : len >= 64 ? -1L : -1L << (64 - len);
    }

    static int reference(List<Ref> refs, long hi, long lo) {
        int best = -1;
        int bestLen = -1;
        for (Ref r : refs) {
            if (r.length() > bestLen && r.covers(hi, lo)) {
                best = r.value();
                bestLen = r.length();
            }
        }
        return best;
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 10, 300, 3000})
    void ipv4MatchesTheReference(int count) {
        Random rnd = new Random(count);
        // a few base networks so that prefixes nest and overlap
        int[] bases = new int[8];
        for (int i = 0; i < bases.length; i++) {
            bases[i] = rnd.nextInt();
        }
        List<Ref> refs = new ArrayList<>();
        Ipv4PrefixTable.Builder b = Ipv4PrefixTable.builder();
        java.util.Map<Long, Integer> seen = new java.util.HashMap<>();
        for (int i = 0; i < count; i++) {
            int len = rnd.nextInt(33);
            int addr = bases[rnd.nextInt(bases.length)] ^ (rnd.nextInt() >>> Math.min(31, 8 + rnd.nextInt(24)));
            int net = len == 0 ? 0 : addr & (-1 << (32 - len));
            b.add(net, len, i);
            seen.put(((net & 0xFFFFFFFFL) << 6) | len, i); // the last value of a duplicate wins
        }
        seen.forEach((k, v) -> refs.add(new Ref((k >>> 6) << 32, 0, (int) (k & 63), v)));
        Ipv4PrefixTable t = b.build();
        assertThat(t.size()).isEqualTo(refs.size());
        for (int i = 0; i < 20_000; i++) {
            int a = i % 2 == 0 ? rnd.nextInt()
                    : (int) (refs.get(rnd.nextInt(refs.size())).hi() >>> 32) | (rnd.nextInt() >>> rnd.nextInt(32));
            assertThat(t.lookup(a)).as("lookup %s", IpAddress.ofV4(a))
                    .isEqualTo(reference(refs, (a & 0xFFFFFFFFL) << 32, 0));
        }
        for (Ref r : refs) { // every network address and its last address
            int a = (int) (r.hi() >>> 32);
            assertThat(t.lookup(a)).isEqualTo(reference(refs, r.hi(), 0));
            int last = a | (r.length() == 0 ? -1 : ~(-1 << (32 - r.length())));
            assertThat(t.lookup(last)).isEqualTo(reference(refs, (last & 0xFFFFFFFFL) << 32, 0));
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 10, 300, 3000})
    void ipv6MatchesTheReference(int count) {
        Random rnd = new Random(count * 31L);
        long[] bases = new long[8];
        for (int i = 0; i < bases.length; i++) {
            bases[i] = rnd.nextLong();
        }
        java.util.Map<Ref, Integer> seen = new java.util.LinkedHashMap<>();
        Ipv6PrefixTable.Builder b = Ipv6PrefixTable.builder();
        for (int i = 0; i < count; i++) {
            int len = rnd.nextInt(129);
            long hi = bases[rnd.nextInt(bases.length)] ^ (rnd.nextLong() >>> (8 + rnd.nextInt(56)));
            long lo = rnd.nextBoolean() ? rnd.nextLong() : 0;
            long nh = hi & mask(len);
            long nl = lo & mask(len - 64);
            b.add(nh, nl, len, i);
            seen.put(new Ref(nh, nl, len, 0), i);
        }
        List<Ref> refs = new ArrayList<>();
        seen.forEach((k, v) -> refs.add(new Ref(k.hi(), k.lo(), k.length(), v)));
        Ipv6PrefixTable t = b.build();
        assertThat(t.size()).isEqualTo(refs.size());
        for (int i = 0; i < 20_000; i++) {
            long hi;
            long lo;
            if (i % 2 == 0) {
                hi = rnd.nextLong();
                lo = rnd.nextLong();
            } else {
                Ref r = refs.get(rnd.nextInt(refs.size()));
                int keep = rnd.nextInt(129);
                hi = r.hi() | (rnd.nextLong() & ~mask(Math.max(keep, r.length())));
                lo = r.lo() | (rnd.nextLong() & ~mask(Math.max(keep, r.length()) - 64));
            }
            assertThat(t.lookup(hi, lo)).isEqualTo(reference(refs, hi, lo));
        }
        for (Ref r : refs) {
            assertThat(t.lookup(r.hi(), r.lo())).isEqualTo(reference(refs, r.hi(), r.lo()));
            long lastHi = r.hi() | ~mask(r.length());
            long lastLo = r.lo() | ~mask(r.length() - 64);
            assertThat(t.lookup(lastHi, lastLo)).isEqualTo(reference(refs, lastHi, lastLo));
        }
    }

    @Test
    void longestWinsWhateverTheInsertionOrder() {
        Ipv4PrefixTable t = Ipv4PrefixTable.builder()
                .add(IpPrefix.parse("198.51.100.128/25"), 3)
                .add(IpPrefix.parse("198.51.100.0/24"), 2)
                .add(IpPrefix.parse("198.51.100.200/32"), 4)
                .add(IpPrefix.parse("0.0.0.0/0"), 1)
                .build();
        assertThat(t.lookup(IpAddress.parse("198.51.100.1").v4())).isEqualTo(2);
        assertThat(t.lookup(IpAddress.parse("198.51.100.129").v4())).isEqualTo(3);
        assertThat(t.lookup(IpAddress.parse("198.51.100.200").v4())).isEqualTo(4);
        assertThat(t.lookup(IpAddress.parse("198.51.100.201").v4())).isEqualTo(3);
        assertThat(t.lookup(IpAddress.parse("203.0.113.1").v4())).isEqualTo(1);
        assertThat(Ipv4PrefixTable.empty().lookup(0)).isEqualTo(-1);
        assertThat(t.nodes()).isEqualTo(4); // root, 198/8 -> .51, .51 -> .100, .100 (the /25 and /32)

        Ipv6PrefixTable t6 = Ipv6PrefixTable.builder()
                .add(IpPrefix.parse("2001:db8::/32"), 7)
                .add(IpPrefix.parse("2001:db8:1::/48"), 8)
                .add(IpPrefix.parse("2001:db8:1::10/128"), 9)
                .build();
        IpAddress a = IpAddress.parse("2001:db8:1::10");
        IpAddress b = IpAddress.parse("2001:db8:1::11");
        IpAddress c = IpAddress.parse("2001:db8:2::1");
        assertThat(t6.lookup(a.hi(), a.lo())).isEqualTo(9);
        assertThat(t6.lookup(b.hi(), b.lo())).isEqualTo(8);
        assertThat(t6.lookup(c.hi(), c.lo())).isEqualTo(7);
        assertThat(t6.lookup(0x20010db900000000L, 0)).isEqualTo(-1);
    }

    @Test
    void badPrefixesAreRefusedWithTheReason() {
        assertThatThrownBy(() -> IpPrefix.parse("198.51.100.1/24")).hasMessageContaining("host bits")
                .hasMessageContaining("198.51.100.0/24");
        assertThatThrownBy(() -> IpPrefix.parse("198.51.100.0")).hasMessageContaining("no /length");
        assertThatThrownBy(() -> IpPrefix.parse("198.51.100.0/33")).hasMessageContaining("0-32");
        assertThatThrownBy(() -> IpPrefix.parse("2001:db8::/129")).hasMessageContaining("0-128");
        assertThatThrownBy(() -> IpPrefix.parse("198.51.100.0/x")).hasMessageContaining("bad length 'x'");
        assertThatThrownBy(() -> IpPrefix.parse("198.51.300.0/24")).hasMessageContaining("198.51.300.0/24");
        assertThatThrownBy(() -> Ipv4PrefixTable.builder().add(IpPrefix.parse("2001:db8::/32"), 1))
                .hasMessageContaining("not an IPv4 prefix");
        assertThatThrownBy(() -> Ipv4PrefixTable.builder().add(0x0A000001, 8, 1)).hasMessageContaining("host bits");
        assertThatThrownBy(() -> Ipv6PrefixTable.builder().add(0, 1, 64, 1)).hasMessageContaining("host bits");
        assertThat(IpPrefix.parse("2001:db8::/32").contains(IpAddress.parse("2001:db8:ffff::1"))).isTrue();
        assertThat(IpPrefix.parse("2001:db8::/32").contains(IpAddress.parse("2001:db9::1"))).isFalse();
        assertThat(IpPrefix.all(org.softwire.packet.IpFamily.IPV4).toString()).isEqualTo("0.0.0.0/0");
    }
}

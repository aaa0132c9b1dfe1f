package org.softwire.bgp.speaker.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.softwire.bgp.wire.AfiSafi;
import org.softwire.bgp.wire.Prefix;

/** The per-session prefix counts: the same answers as a set of prefixes, under adds, re-adds and withdrawals. */
class PrefixCountsTest {

    @Test
    void countsLikeASetOfPrefixes() {
        PrefixCounts c = new PrefixCounts();
        Set<Prefix> model = new HashSet<>();
        Random r = new Random(6);
        for (int i = 0; i < 200_000; i++) {
            // a small space (4096 /24s and /32s) so that re-announcements and withdrawals of present prefixes happen
            int a = 0xc6336400 + (r.nextInt(4096) << 8);
            Prefix p = r.nextBoolean() ? Prefix.parse(ipv4(a) + "/24") : Prefix.parse(ipv4(a | 7) + "/32");
            if (r.nextInt(3) == 0) {
                c.remove(AfiSafi.IPV4_UNICAST, p);
                model.remove(p);
            } else {
                c.add(AfiSafi.IPV4_UNICAST, p);
                model.add(p);
            }
            if (i % 10_000 == 0) {
                assertThat(c.count(AfiSafi.IPV4_UNICAST)).isEqualTo(model.size());
            }
        }
        assertThat(c.count(AfiSafi.IPV4_UNICAST)).isEqualTo(model.size());
        for (Prefix p : model) {
            c.remove(AfiSafi.IPV4_UNICAST, p);
        }
        assertThat(c.count(AfiSafi.IPV4_UNICAST)).isZero();
    }

    @Test
    void lengthsAndFamiliesAreKeptApart() {
        PrefixCounts c = new PrefixCounts();
        c.add(AfiSafi.IPV4_UNICAST, Prefix.parse("198.51.100.0/24"));
        c.add(AfiSafi.IPV4_UNICAST, Prefix.parse("198.51.100.0/25"));
        c.add(AfiSafi.IPV4_UNICAST, Prefix.parse("0.0.0.0/0"));
        c.add(AfiSafi.IPV4_UNICAST, Prefix.parse("198.51.100.0/24"));
        c.add(AfiSafi.IPV4_ENCAPSULATION, Prefix.parse("192.0.2.9/32"));
        c.add(AfiSafi.IPV6_UNICAST, Prefix.parse("2001:db8::/32"));
        c.add(AfiSafi.IPV6_UNICAST, Prefix.parse("2001:db8::/48"));
        c.remove(AfiSafi.IPV6_UNICAST, Prefix.parse("2001:db8::/64"));
        assertThat(c.counts()).containsEntry(AfiSafi.IPV4_UNICAST, 3).containsEntry(AfiSafi.IPV4_ENCAPSULATION, 1)
                .containsEntry(AfiSafi.IPV6_UNICAST, 2);
        c.remove(AfiSafi.IPV4_UNICAST, Prefix.parse("198.51.100.0/25"));
        c.remove(AfiSafi.IPV4_UNICAST, Prefix.parse("198.51.100.0/25"));
        assertThat(c.count(AfiSafi.IPV4_UNICAST)).isEqualTo(2);
        assertThat(c.count(AfiSafi.IPV6_ENCAPSULATION)).isZero();
    }

    private static String ipv4(int a) {
        return (a >>> 24) + "." + (a >>> 16 & 0xff) + "." + (a >>> 8 & 0xff) + "." + (a & 0xff);
    }
}

package org.softwire.bgp.rib.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.softwire.bgp.wire.AfiSafi;
import org.softwire.bgp.wire.Prefix;

class RouteTableTest {
    @Test
    void ipv4TableBehavesLikeAHashMapUnderRandomPutsAndRemoves() {
        RouteTable<Integer> t = new RouteTable<>(AfiSafi.AFI_IPV4);
        Map<String, Integer> ref = new HashMap<>();
        Random rnd = new Random(7);
        for (int i = 0; i < 200_000; i++) {
            int len = 8 + rnd.nextInt(25);
            int addr = rnd.nextInt(1 << 12) << 20; // few distinct keys: many collisions and re-inserts
            Prefix p = RouteTable.normalize(Prefix.parse(((addr >>> 24) & 0xff) + "." + ((addr >>> 16) & 0xff) + "."
                    + ((addr >>> 8) & 0xff) + "." + (addr & 0xff) + "/" + len));
            if (rnd.nextBoolean()) {
                assertThat(t.put(p, i)).isEqualTo(ref.put(p.toString(), i));
            } else {
                assertThat(t.remove(p)).isEqualTo(ref.remove(p.toString()));
            }
        }
        assertThat(t.size()).isEqualTo(ref.size());
        Map<String, Integer> back = new HashMap<>();
        t.forEach((p, v) -> back.put(p.toString(), v));
        assertThat(back).isEqualTo(ref);
    }

    @Test
    void hostBitsAreIgnoredAndKeysRoundTrip() {
        RouteTable<String> t = new RouteTable<>(AfiSafi.AFI_IPV4);
        t.put(Prefix.parse("198.51.100.77/24"), "x");
        assertThat(t.get(Prefix.parse("198.51.100.0/24"))).isEqualTo("x");
        assertThat(t.get(Prefix.parse("0.0.0.0/0"))).isNull();
        t.put(Prefix.parse("0.0.0.0/0"), "default");
        assertThat(t.get(Prefix.parse("0.0.0.0/0"))).isEqualTo("default");
        RouteTable<String> t6 = new RouteTable<>(AfiSafi.AFI_IPV6);
        t6.put(Prefix.parse("2001:db8:1:2::1/64"), "y");
        assertThat(t6.get(Prefix.parse("2001:db8:1:2::/64"))).isEqualTo("y");
        t6.forEach((p, v) -> assertThat(p.toString()).isEqualTo("2001:db8:1:2:0:0:0:0/64"));
        assertThat(RouteTable.prefix4(RouteTable.key4(Prefix.parse("203.0.113.128/25"))).toString())
                .isEqualTo("203.0.113.128/25");
    }
}

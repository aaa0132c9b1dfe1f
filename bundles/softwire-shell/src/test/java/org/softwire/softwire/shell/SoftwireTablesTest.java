package org.softwire.softwire.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Dictionary;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.softwire.softwire.Softwire;
import org.softwire.softwire.SoftwireState;
import org.softwire.softwire.SoftwireStats;

class SoftwireTablesTest {
    private static String print(Consumer<PrintStream> p) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        p.accept(new PrintStream(b, true, StandardCharsets.UTF_8));
        return b.toString(StandardCharsets.UTF_8);
    }

    record Fake(String name, SoftwireState state, String device, String local, String remote, String encapsulation,
                int mtu, long greKey, SoftwireStats stats, List<String> prefixes, Map<String, Long> deviceDrops)
            implements Softwire {
    }

    private static final Fake B = new Fake("b-gre", SoftwireState.WAITING_FOR_CODEC, "tun1", "192.0.2.65",
            "192.0.2.66", "gre-ipv4", 1472, 42,
            new SoftwireStats(0, 0, 0, 0, 0, 0, 7, new TreeMap<>(Map.of("no-codec", 7L))),
            List.of("0.0.0.0/0", "::/0"), Map.of());
    private static final Fake A = new Fake("a-4in6", SoftwireState.RUNNING, "tun0", "2001:db8:e::1", "2001:db8:e::2",
            "ipv4-in-ipv6", 1460, -1,
            new SoftwireStats(10, 1400, 12, 1500, 1, 2, 3,
                    new TreeMap<>(Map.of("unknown-remote", 2L, "packet-too-big", 1L))),
            List.of("198.51.100.0/24", "203.0.113.128/25"), new TreeMap<>(Map.of("no-route", 5L, "unknown-remote", 1L)));

    @Test
    void listIsSortedByNameWithStateAndCounters() {
        String out = print(o -> SoftwireTables.list(List.of(B, A), o, false));
        assertThat(out.lines()).containsExactly(
                "Name   | State             | Encapsulation | Device | Local         | Remote        | Prefixes                         |  MTU | Encap packets | Decap packets | Drops",
                "-------+-------------------+---------------+--------+---------------+---------------+----------------------------------+------+---------------+---------------+------",
                "a-4in6 | running           | ipv4-in-ipv6  | tun0   | 2001:db8:e::1 | 2001:db8:e::2 | 198.51.100.0/24,203.0.113.128/25 | 1460 |            10 |            12 |     3",
                "b-gre  | waiting-for-codec | gre-ipv4      | tun1   | 192.0.2.65    | 192.0.2.66    | 0.0.0.0/0,::/0                   | 1472 |             0 |             0 |     7",
                "device tun0: drops no-route=5, unknown-remote=1",
                "device tun1: no drops");
    }

    @Test
    void showGivesDropsByReasonWithTheirMeaning() {
        String out = print(o -> SoftwireTables.show(A, o, false));
        assertThat(out.lines()).containsExactly(
                "a-4in6 (ipv4-in-ipv6, running)",
                "device tun0, local 2001:db8:e::1, remote 2001:db8:e::2, mtu 1460",
                "prefixes 198.51.100.0/24, 203.0.113.128/25",
                "encapsulated 10 packets 1400 octets, decapsulated 12 packets 1500 octets",
                "icmp errors sent 1, outer fragments 2, drops 3",
                "device tun0 drops (all its softwires): no-route=5, unknown-remote=1",
                "Drop reason    | Count | Meaning",
                "---------------+-------+-------------------------------------------------------",
                "packet-too-big |     1 | packet larger than the tunnel MTU and not fragmentable",
                "unknown-remote |     2 | outer source is not the tunnel's remote endpoint");
        String gre = print(o -> SoftwireTables.show(B, o, true));
        assertThat(gre).contains("mtu 1472, gre key 42")
                .containsPattern("no-codec\\s+\\t\\s+7\\tthe configured encapsulation codec is not registered");
    }

    @Test
    void addWritesTheGivenValuesAndTheKarafFileName() {
        Map<String, String> v = new HashMap<>();
        v.put("name", "sw1");
        v.put("device", "tun0");
        v.put("gre-key", null);
        v.put("mtu", " ");
        v.put("dscp", " 46 ");
        Dictionary<String, Object> d = SoftwireConfigs.properties(v, "/opt/karaf/etc");
        assertThat(d.size()).isEqualTo(4);
        assertThat(d.get("name")).isEqualTo("sw1");
        assertThat(d.get("dscp")).isEqualTo("46");
        assertThat(d.get("gre-key")).isNull();
        assertThat(d.get(SoftwireConfigs.FILE_PROPERTY)).isEqualTo("file:///opt/karaf/etc/org.softwire.softwire-sw1.cfg");
        assertThat(SoftwireConfigs.escape("a(b)*")).isEqualTo("a\\(b\\)\\*");
        assertThat(SoftwireTables.meaning("no-route"))
                .isEqualTo("no route (no configured prefix) covers the inner destination");
        assertThat(SoftwireTables.meaning("gre-key-mismatch")).isEqualTo("GRE key absent or different from the tunnel's key");
    }
}

package org.softwire.afbr.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.softwire.afbr.FibEntry;
import org.softwire.bgp.rib.RibRoute;
import org.softwire.bgp.wire.AfiSafi;
import org.softwire.bgp.wire.AsPath;
import org.softwire.bgp.wire.AsPathSegment;
import org.softwire.bgp.wire.Octets;
import org.softwire.bgp.wire.PathAttribute;
import org.softwire.bgp.wire.Prefix;
import org.softwire.bgp.wire.SubTlv;
import org.softwire.bgp.wire.TunnelEncapsulation;
import org.softwire.bgp.wire.TunnelTlv;

class RibTablesTest {
    static String print(java.util.function.Consumer<PrintStream> p) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        p.accept(new PrintStream(b, true, StandardCharsets.UTF_8));
        return b.toString(StandardCharsets.UTF_8);
    }

    @Test
    void routesShowTheirTunnels() {
        RibRoute r = new RibRoute(AfiSafi.IPV4_UNICAST, Prefix.parse("198.51.100.0/24"), "rs",
                Octets.of(org.softwire.bgp.wire.Addresses.literal("2001:db8:e::2")),
                List.of(new PathAttribute.Origin(0), new AsPath(List.of(AsPathSegment.sequence(65100L, 65002L))),
                        new TunnelEncapsulation(List.of(new TunnelTlv(TunnelTlv.IP_IN_IP,
                                SubTlv.EgressEndpoint.of("2001:db8:e::2")), new TunnelTlv(TunnelTlv.GRE,
                                new SubTlv.Encapsulation(Octets.hex("00002a2b")), SubTlv.EgressEndpoint.of("2001:db8:e::3"))))),
                true);
        String out = print(ps -> RibTables.routes(List.of(r), ps, false));
        assertThat(out).contains("198.51.100.0/24 | *    | rs   | 2001:db8:e::2 | 65100 65002 | igp    |        | "
                + "ip-in-ip 2001:db8:e::2, gre 2001:db8:e::3 encap 00002a2b");
    }

    @Test
    void fibAndSummary() {
        String fib = print(ps -> RibTables.fib("a1", List.of(new FibEntry("198.51.100.0/24", "2001:db8:e::2", 7,
                "ipv4-in-ipv6", -1, "rs")), ps, false));
        assertThat(fib).contains("a1   | 198.51.100.0/24 | 2001:db8:e::2 | ipv4-in-ipv6  |         | rs");
        String sum = print(ps -> RibTables.summary(Map.of(AfiSafi.IPV4_UNICAST, 3),
                Map.of("rs", Map.of(AfiSafi.IPV4_UNICAST, 2)), Map.of("rs", Map.of(AfiSafi.IPV4_UNICAST, 1)), ps, false));
        assertThat(sum).contains("Loc-RIB | ipv4   |        3 |").contains("rs      | ipv4   |        2 |          1");
    }
}

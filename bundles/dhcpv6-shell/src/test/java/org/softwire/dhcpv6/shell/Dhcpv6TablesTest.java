package org.softwire.dhcpv6.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.softwire.dhcpv6.Ipv6Prefix;
import org.softwire.dhcpv6.Octets;
import org.softwire.dhcpv6.server.Dhcpv6Server;
import org.softwire.dhcpv6.server.Lease;
import org.softwire.dhcpv6.server.SubnetView;

class Dhcpv6TablesTest {
    private static final Dhcpv6Server SERVER = new Dhcpv6Server() {
        public String name() { return "lab"; }
        public String duid() { return "000300010200000001"; }
        public Map<String, String> interfaces() { return Map.of("eth0", "listening"); }
        public List<SubnetView> subnets() {
            return List.of(new SubnetView("lan", "lab", "2001:db8:1::/64", "eth0", List.of("2001:db8:1::100-2001:db8:1::1ff"),
                    List.of("2001:db8:100::/48 delegated /56"), List.of("64 AFTR-Name aftr.example.net",
                            "111 S46 priority [96, 94]"), 2));
        }
        public List<Lease> leases() {
            return List.of(new Lease(Lease.Kind.PD, Octets.ofHex("00030001"), 2, Ipv6Prefix.parse("2001:db8:100::/56"),
                    3000, 4000, 1_004_000, "lan", Lease.State.ACTIVE),
                    new Lease(Lease.Kind.NA, Octets.ofHex("00030001"), 1, Ipv6Prefix.parse("2001:db8:1::100/128"),
                            3000, 4000, 1_003_000, "lan", Lease.State.ACTIVE));
        }
        public Map<String, Long> received() { return ordered("SOLICIT", 3L, "REQUEST", 2L); }
        public Map<String, Long> sent() { return ordered("ADVERTISE", 3L, "REPLY", 2L); }
        public Map<String, Long> dropsByReason() { return ordered("server-id-mismatch", 1L); }
        public int removeLease(String address) { return 0; }
    };

    private static Map<String, Long> ordered(Object... kv) {
        Map<String, Long> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], (Long) kv[i + 1]);
        }
        return m;
    }

    private static String print(Consumer<PrintStream> p) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        p.accept(new PrintStream(b, true, StandardCharsets.UTF_8));
        return b.toString(StandardCharsets.UTF_8);
    }

    @Test
    void leasesSortedBySubnetAndAddressWithRemainingTime() {
        assertThat(print(o -> Dhcpv6Tables.leases(List.of(SERVER), null, o, false, 1_000_000))).isEqualTo("""
                Server | Subnet | Type | Address/prefix             | Client DUID | IAID | State  | Expires in | Expires at
                -------+--------+------+----------------------------+-------------+------+--------+------------+---------------------
                lab    | lan    | NA   | 2001:db8:1:0:0:0:0:100/128 | 00030001    |    1 | active |     3000 s | 1970-01-12T14:36:40Z
                lab    | lan    | PD   | 2001:db8:100:0:0:0:0:0/56  | 00030001    |    2 | active |     4000 s | 1970-01-12T14:53:20Z
                """);
    }

    @Test
    void subnetsWithPoolsAndServedOptions() {
        assertThat(print(o -> Dhcpv6Tables.subnets(List.of(SERVER), o, false))).isEqualTo("""
                Server | Subnet | Prefix          | Interface | Address pools                   | Prefix pools                    | Leases
                -------+--------+-----------------+-----------+---------------------------------+---------------------------------+-------
                lab    | lan    | 2001:db8:1::/64 | eth0      | 2001:db8:1::100-2001:db8:1::1ff | 2001:db8:100::/48 delegated /56 |      2
                lab/lan serves (when the ORO asks):
                  64 AFTR-Name aftr.example.net
                  111 S46 priority [96, 94]
                """);
    }

    @Test
    void countersPerTypeAndDropReason() {
        assertThat(print(o -> Dhcpv6Tables.counters(SERVER, o, false))).isEqualTo("""
                Server lab (DUID 000300010200000001)
                Counter                 | Value
                ------------------------+------
                received SOLICIT        |     3
                received REQUEST        |     2
                sent ADVERTISE          |     3
                sent REPLY              |     2
                drop server-id-mismatch |     1
                """);
    }

    @Test
    void serversTotals() {
        assertThat(print(o -> Dhcpv6Tables.servers(List.of(SERVER), o, false))).isEqualTo("""
                Name | DUID               | Interfaces     | Subnets | Leases | Received | Sent | Drops
                -----+--------------------+----------------+---------+--------+----------+------+------
                lab  | 000300010200000001 | eth0 listening |       1 |      2 |        5 |    5 |     1
                """);
    }
}

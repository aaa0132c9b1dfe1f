package org.softwire.dhcpv6.client.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.softwire.dhcpv6.client.ClientState;
import org.softwire.dhcpv6.client.Dhcpv6Client;
import org.softwire.dhcpv6.client.Dhcpv6Lease;

class ClientTablesTest {
    record Fake(String name, String mode, ClientState state, Dhcpv6Lease lease, Map<String, Long> counters,
            Map<String, Long> drops) implements Dhcpv6Client {
        public String interfaceName() { return "eth1"; }
        public String netns() { return "cpe"; }
        public String b4() { return "home"; }
        public String duid() { return "00030001020000000a01"; }
        public String lastError() { return null; }
        public boolean renew() { return state == ClientState.BOUND; }
        public boolean release() { return false; }
        public void restart() { }
    }

    private static final Dhcpv6Lease LEASE = new Dhcpv6Lease("00030001020000000b01", "aftr.example.net",
            List.of(64, 96), List.of(), List.of(new Dhcpv6Lease.Address("2001:db8:d::100", 3000, 4000)),
            List.of(new Dhcpv6Lease.Prefix("2001:db8:8000::/56", 3000, 4000)), 1000, 2000, 0, 0);

    private static Map<String, Long> counters() {
        Map<String, Long> m = new LinkedHashMap<>();
        m.put("sent.solicit", 1L);
        m.put("sent.request", 1L);
        m.put("received.advertise", 1L);
        m.put("received.reply", 1L);
        m.put("drop.transaction-id-mismatch", 2L);
        return m;
    }

    private static String print(java.util.function.Consumer<PrintStream> f) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        f.accept(new PrintStream(b, true, StandardCharsets.UTF_8));
        return b.toString(StandardCharsets.UTF_8);
    }

    @Test
    void listHasOneRowPerClientSortedByName() {
        Fake b = new Fake("b", "stateful", ClientState.BOUND, LEASE, counters(), Map.of("transaction-id-mismatch", 2L));
        Fake a = new Fake("a", "stateless", ClientState.INFORMING, null, Map.of("sent.information-request", 3L),
                Map.of());
        String out = print(o -> ClientTables.list(List.of(b, a), o, true));
        assertThat(out.lines().map(l -> String.join("\t", java.util.Arrays.stream(l.split("\t", -1))
                .map(String::trim).toList())).toList()).containsExactly(
                "a\teth1\tcpe\tstateless\tinforming\t\t\thome\t3\t0\t0",
                "b\teth1\tcpe\tstateful\tbound\taftr.example.net\t2001:db8:d::100\thome\t2\t2\t2");
    }

    @Test
    void showPrintsStateLeaseCountersAndDrops() {
        Fake b = new Fake("b", "stateful", ClientState.BOUND, LEASE, counters(), Map.of("transaction-id-mismatch", 2L));
        assertThat(print(o -> ClientTables.show(b, o))).isEqualTo("""
                Name       : b
                Interface  : eth1 (netns cpe)
                Mode       : stateful
                State      : bound
                DUID       : 00030001020000000a01
                B4         : home
                Server     : 00030001020000000b01
                AFTR-Name  : aftr.example.net
                S46 prio.  : 64 96
                Mechanism  : DS-Lite (64)
                Address    : 2001:db8:d::100 preferred 3000 s, valid 4000 s
                Prefix     : 2001:db8:8000::/56 preferred 3000 s, valid 4000 s
                T1/T2      : 1000 s / 2000 s
                Counters   : sent.solicit=1, sent.request=1, received.advertise=1, received.reply=1
                Drops      : transaction-id-mismatch=2
                """);
    }

    @Test
    void unknownNameIsAClearError() {
        Fake a = new Fake("a", "stateless", ClientState.BOUND, null, Map.of(), Map.of());
        assertThatThrownBy(() -> Clients.find(List.of(a), "zz")).hasMessage("no DHCPv6 client 'zz'; known: a");
        assertThat(Clients.find(List.of(a), "a")).isSameAs(a);
    }
}

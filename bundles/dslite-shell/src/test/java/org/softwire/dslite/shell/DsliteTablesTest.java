package org.softwire.dslite.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.softwire.dslite.Aftr;
import org.softwire.dslite.PoolAddressUsage;
import org.softwire.dslite.SubscriberReport;
import org.softwire.nat44.SessionFilter;
import org.softwire.nat44.SessionInfo;
import org.softwire.nat44.TcpState;
import org.softwire.packet.IpAddress;

class DsliteTablesTest {
    private static final IpAddress B4 = IpAddress.parse("2001:db8:0:1::1");

    private static String print(Consumer<PrintStream> p) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        p.accept(new PrintStream(b, true, StandardCharsets.UTF_8));
        return b.toString(StandardCharsets.UTF_8);
    }

    private static SessionInfo session(int remotePort) {
        return new SessionInfo(B4.hi(), B4.lo(), 6, IpAddress.parse("10.0.0.1").v4(), 10000,
                IpAddress.parse("192.0.2.1").v4(), 5000, IpAddress.parse("198.51.100.1").v4(), remotePort,
                TcpState.ESTABLISHED, 0);
    }

    /** An AFTR stand-in recording the filter it was asked with. */
    static final class Fake implements Aftr {
        SessionFilter asked;
        SessionFilter cleared;
        String clearedB4 = "-";
        String askedB4 = "-";

        @Override public String name() { return "aftr1"; }
        @Override public String device() { return "tun0"; }
        @Override public String address() { return "2001:db8:0:2::1"; }
        @Override public List<String> b4Prefixes() { return List.of("2001:db8:0::/48"); }
        @Override public List<String> pool() { return List.of("192.0.2.1"); }
        @Override public boolean running() { return true; }
        @Override public List<SessionInfo> sessions(SessionFilter f, int limit) { asked = f; return List.of(session(80), session(443)); }
        @Override public int sessionCount() { return 2; }
        @Override public int mappingCount() { return 1; }
        @Override public int clear(String b4) { clearedB4 = b4; return 2; }
        @Override public int clear(SessionFilter f) { cleared = f; return 1; }
        @Override public java.util.Map<String, String> portOwner(String address, int port) {
            if (!address.equals("192.0.2.1")) {
                throw new IllegalArgumentException(address + " is not an IPv4 address");
            }
            return port == 40000 ? java.util.Map.of("udp", "2001:db8:0:1::1") : java.util.Map.of();
        }
        @Override public List<PoolAddressUsage> poolUsage() {
            return List.of(new PoolAddressUsage("192.0.2.1", false, 3, 700, 20, 1, 2, 1, 1, 1, 373, 126, 512),
                    new PoolAddressUsage("192.0.2.9", true, 1, 5, 0, 0, 1, 0, 0, 0, 377, 126, 512));
        }
        @Override public List<SubscriberReport> subscribers(String b4, int limit) {
            askedB4 = b4;
            return List.of(new SubscriberReport("2001:db8:0:1::1", "192.0.2.1", 600, 20, 1, 2048, 621, 8192,
                    List.of("tcp 192.0.2.1 1024-1535", "tcp 192.0.2.1 1536-2047", "udp 192.0.2.1 1024-1535"),
                    5000, 4800, 7));
        }
        @Override public List<String> alarms() { return List.of("subscriber-sessions 2001:db8:0:1::1: 621 (threshold 500)"); }
        @Override public Map<String, Long> counters() { return Map.of("from-b4", 10L, "to-b4", 12L); }
        @Override public Map<String, Long> drops() {
            Map<String, Long> m = new LinkedHashMap<>();
            m.put("unprovisioned-b4", 3L);
            m.put("no-mapping", 1L);
            return m;
        }
        @Override public Map<String, Long> natCounters() { return Map.of(); }
    }

    @Test
    void aftrListVerboseShowsEveryNonZeroCounter() {
        assertThat(print(o -> DsliteTables.aftrs(List.of(new Fake()), o, true, true)))
                .contains("aftr1 counters: from-b4=10, to-b4=12");
        assertThat(print(o -> DsliteTables.aftrs(List.of(new Fake()), o, true))).doesNotContain("counters:");
    }

    @Test
    void aftrListShowsCountsAndDropsByReason() {
        String out = print(o -> DsliteTables.aftrs(List.of(new Fake()), o, true));
        assertThat(out).contains("aftr1").contains("2001:db8:0:2::1").contains("2001:db8:0::/48").contains("192.0.2.1")
                .contains("aftr1 drops: unprovisioned-b4=3, no-mapping=1")
                .contains("aftr1 alarm: subscriber-sessions 2001:db8:0:1::1: 621 (threshold 500)");
        assertThat(out.lines().filter(l -> l.startsWith("aftr1") && l.contains("tun0")).findFirst().orElseThrow().split("\\s+"))
                .containsSubsequence("yes", "tun0", "2001:db8:0:2::1", "2001:db8:0::/48", "192.0.2.1", "2", "1", "10", "12", "4");
    }

    @Test
    void bindingsGroupSessionsPerMapping() {
        String out = print(o -> DsliteTables.bindings(List.of(session(80), session(443)), o, true));
        List<String> rows = out.lines().filter(l -> l.startsWith("2001:")).toList();
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).split("\\s+")).containsExactly("2001:db8:0:1::1", "10.0.0.1", "tcp", "10000",
                "192.0.2.1", "5000", "2");
    }

    @Test
    void sessionsFilterByB4AddressAndPort() {
        Fake f = new Fake();
        List<SessionInfo> s = SessionsCommand.select(List.of(f), null, "2001:db8:0:1::1", "198.51.100.1", 80, 10);
        assertThat(s).hasSize(2);
        assertThat(f.asked.subscriber()).isTrue();
        assertThat(f.asked.subscriberHi()).isEqualTo(B4.hi());
        assertThat(f.asked.subscriberLo()).isEqualTo(B4.lo());
        assertThat(f.asked.address()).isEqualTo(IpAddress.parse("198.51.100.1").v4());
        assertThat(f.asked.port()).isEqualTo(80);
        String out = print(o -> DsliteTables.sessions(s, o, true));
        assertThat(out).contains("10.0.0.1:10000").contains("192.0.2.1:5000").contains("198.51.100.1:443");
    }

    @Test
    void sessionsFilterByProtocolName() {
        Fake f = new Fake();
        SessionsCommand.select(List.of(f), "aftr1", Filters.of(null, null, -1, "udp"), 10);
        assertThat(f.asked.protocol()).isEqualTo(17);
        assertThat(Filters.protocol("ICMP")).isEqualTo(1);
        assertThatThrownBy(() -> Filters.protocol("sctp")).hasMessageContaining("--protocol 'sctp': tcp, udp or icmp");
    }

    @Test
    void clearNeedsAFilterOrAllAndSaysWhatItCleared() {
        Fake f = new Fake();
        assertThat(ClearCommand.run(List.of(f), null, null, "192.0.2.9", -1, null, false))
                .isEqualTo("cleared 1 session(s) with address 192.0.2.9 on aftr1");
        assertThat(f.cleared.address()).isEqualTo(IpAddress.parse("192.0.2.9").v4());
        assertThat(ClearCommand.run(List.of(f), "aftr1", "2001:db8:0:1::1", null, -1, "tcp", false))
                .isEqualTo("cleared 1 session(s) of B4 2001:db8:0:1::1 in tcp on aftr1");
        assertThat(f.cleared.subscriberLo()).isEqualTo(B4.lo());
        assertThat(f.cleared.protocol()).isEqualTo(6);
        assertThat(f.clearedB4).isEqualTo("-");
        assertThatThrownBy(() -> ClearCommand.run(List.of(f), null, null, null, -1, null, false))
                .hasMessageContaining("--all for every session");
        assertThatThrownBy(() -> ClearCommand.run(List.of(f), null, "2001:db8:0:1::1", null, -1, null, true))
                .hasMessageContaining("--all clears every session");
        assertThat(ClearCommand.run(List.of(f), null, null, null, -1, null, true)).isEqualTo("cleared 2 session(s) on aftr1");
        assertThat(f.clearedB4).isNull();
        assertThatThrownBy(() -> ClearCommand.run(List.of(f), null, null, "2001:db8::1", -1, null, false))
                .hasMessageContaining("--address 2001:db8::1 is not an IPv4 address");
    }

    @Test
    void poolShowsEachAddressWithPortsBlocksAndState() {
        String out = print(o -> OpsTables.pool(List.of(new Fake()), o, true));
        List<String> rows = out.lines().filter(l -> l.startsWith("aftr1")).toList();
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).split("\\s+")).containsExactly("aftr1", "192.0.2.1", "active", "3", "700", "20", "1",
                "2/1/1", "1", "373");
        assertThat(rows.get(1).split("\\s+")).containsExactly("aftr1", "192.0.2.9", "draining", "1", "5", "0", "0",
                "1/0/0", "0", "377");
    }

    @Test
    void portOwnerNamesTheB4OrSaysNobody() {
        String out = print(o -> OpsTables.portOwner(List.of(new Fake()), "192.0.2.1", 40000, o, true));
        assertThat(out.lines().filter(l -> l.startsWith("aftr1")).map(l -> List.of(l.split("\\s+"))).toList())
                .containsExactly(List.of("aftr1", "udp", "2001:db8:0:1::1"));
        assertThat(print(o -> OpsTables.portOwner(List.of(new Fake()), "192.0.2.1", 40001, o, true)))
                .startsWith("Nobody holds 192.0.2.1:40001 now");
        assertThatThrownBy(() -> OpsTables.portOwner(List.of(new Fake()), "2001:db8::1", 1, System.out, true))
                .hasMessageContaining("not an IPv4 address");
    }

    @Test
    void subscribersShowStatisticsAndWithB4ThePortBlocks() {
        Fake f = new Fake();
        String all = print(o -> OpsTables.subscribers(List.of(f), null, 100, o, true));
        assertThat(f.askedB4).isNull();
        assertThat(all.lines().filter(l -> l.startsWith("aftr1")).findFirst().orElseThrow().split("\\s+"))
                .containsExactly("aftr1", "2001:db8:0:1::1", "192.0.2.1", "600", "20", "1", "2048", "621/8192", "5000",
                        "4800", "7");
        assertThat(all).doesNotContain("port block");
        String one = print(o -> OpsTables.subscribers(List.of(f), "2001:db8:0:1::1", 100, o, true));
        assertThat(f.askedB4).isEqualTo("2001:db8:0:1::1");
        assertThat(one.lines().filter(l -> l.contains("port block")).toList()).containsExactly(
                "aftr1 2001:db8:0:1::1 port block tcp 192.0.2.1 1024-1535",
                "aftr1 2001:db8:0:1::1 port block tcp 192.0.2.1 1536-2047",
                "aftr1 2001:db8:0:1::1 port block udp 192.0.2.1 1024-1535");
        assertThatThrownBy(() -> OpsTables.subscribers(List.of(f), "192.0.2.1", 100, System.out, true))
                .hasMessageContaining("--b4 192.0.2.1 is not an IPv6 address");
        assertThatThrownBy(() -> OpsTables.subscribers(List.of(f), null, 0, System.out, true))
                .hasMessageContaining("--limit 0");
    }

    @Test
    void badArgumentsSayWhatIsWrong() {
        assertThatThrownBy(() -> Filters.of("192.0.2.1", null, -1)).hasMessageContaining("--b4").hasMessageContaining("IPv6");
        assertThatThrownBy(() -> Filters.of(null, "2001:db8::1", -1)).hasMessageContaining("--address");
        assertThatThrownBy(() -> Filters.of(null, null, 70000)).hasMessageContaining("--port");
        assertThatThrownBy(() -> Filters.aftrs(List.of(new Fake()), "nope")).hasMessageContaining("no AFTR named 'nope'");
    }
}

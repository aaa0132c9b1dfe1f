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

        @Override public String name() { return "aftr1"; }
        @Override public String device() { return "tun0"; }
        @Override public String address() { return "2001:db8:0:2::1"; }
        @Override public List<String> b4Prefixes() { return List.of("2001:db8:0::/48"); }
        @Override public List<String> pool() { return List.of("192.0.2.1"); }
        @Override public boolean running() { return true; }
        @Override public List<SessionInfo> sessions(SessionFilter f, int limit) { asked = f; return List.of(session(80), session(443)); }
        @Override public int sessionCount() { return 2; }
        @Override public int mappingCount() { return 1; }
        @Override public int clear(String b4) { return 2; }
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
    void aftrListShowsCountsAndDropsByReason() {
        String out = print(o -> DsliteTables.aftrs(List.of(new Fake()), o, true));
        assertThat(out).contains("aftr1").contains("2001:db8:0:2::1").contains("2001:db8:0::/48").contains("192.0.2.1")
                .contains("aftr1 drops: unprovisioned-b4=3, no-mapping=1");
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
    void badArgumentsSayWhatIsWrong() {
        assertThatThrownBy(() -> Filters.of("192.0.2.1", null, -1)).hasMessageContaining("--b4").hasMessageContaining("IPv6");
        assertThatThrownBy(() -> Filters.of(null, "2001:db8::1", -1)).hasMessageContaining("--address");
        assertThatThrownBy(() -> Filters.of(null, null, 70000)).hasMessageContaining("--port");
        assertThatThrownBy(() -> Filters.aftrs(List.of(new Fake()), "nope")).hasMessageContaining("no AFTR named 'nope'");
    }
}

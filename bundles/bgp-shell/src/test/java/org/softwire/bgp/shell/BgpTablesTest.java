package org.softwire.bgp.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.softwire.bgp.speaker.PeerState;
import org.softwire.bgp.speaker.PeerStatus;
import org.softwire.bgp.wire.AfiSafi;

class BgpTablesTest {
    static final long SINCE = 1_000_000_000L;

    static PeerStatus established() {
        Map<String, Long> in = Map.of("open", 1L, "update", 40L, "notification", 0L, "keepalive", 10L,
                "route-refresh", 0L);
        Map<String, Long> out = Map.of("open", 1L, "update", 2L, "notification", 0L, "keepalive", 11L,
                "route-refresh", 1L);
        return new PeerStatus("gobgp", "2001:db8:77::2", 65001, false, PeerState.ESTABLISHED, SINCE, "192.0.2.1", 9,
                3, Set.of(AfiSafi.IPV4_UNICAST, AfiSafi.IPV4_ENCAPSULATION), Set.of(AfiSafi.IPV4_UNICAST), true,
                true, in, out, Map.of(AfiSafi.IPV4_UNICAST, 3, AfiSafi.IPV4_ENCAPSULATION, 1),
                Map.of("treat-as-withdraw", 2L, "attribute-discard", 0L, "session-reset", 0L), 1, "", false, 1000);
    }

    static PeerStatus idle() {
        return new PeerStatus("bird", "2001:db8:78::2", 65004, true, PeerState.ACTIVE, 0, "", 0, 0, Set.of(),
                Set.of(), false, false, Map.of(), Map.of(), Map.of(), Map.of(), 0,
                "connection to 2001:db8:78::2 failed: Connection refused", true, 0);
    }

    static String capture(java.util.function.Consumer<PrintStream> f) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        f.accept(new PrintStream(b, true, StandardCharsets.UTF_8));
        return b.toString(StandardCharsets.UTF_8);
    }

    @Test
    void peersTableShowsStateUptimeCountersAndCapabilities() {
        String t = capture(o -> BgpTables.peers(List.of(established(), idle()), o, true, SINCE + 3_723_000));
        assertThat(t.lines().toList()).hasSize(2); // --no-format: rows only
        assertThat(t.lines().findFirst().orElseThrow()).containsSubsequence("gobgp", "2001:db8:77::2", "65001",
                "Established", "1h02m03s", "4", "51", "15", "ipv4-encap,ipv4-unicast enh:ipv4-unicast rr as4");
        assertThat(t.lines().skip(1).findFirst().orElseThrow()).containsSubsequence("bird", "65004",
                "Active (passive)", "-", "0");
    }

    @Test
    void peerDetailShowsEverything() {
        String t = capture(o -> BgpTables.peer(established(), o, SINCE + 90_061_000));
        assertThat(t).contains("Peer gobgp 2001:db8:77::2 AS 65001")
                .contains("State:            Established, uptime 1d01h01m, established 1 times")
                .contains("Router id:        192.0.2.1").contains("Hold/keepalive:   9 s / 3 s")
                .contains("Families:         [ipv4-encap, ipv4-unicast]")
                .contains("Route refresh:    yes, 4-octet AS: yes").contains("Max prefixes:     1000")
                .contains("Prefixes:         ipv4-encap 1, ipv4-unicast 3")
                .contains("RFC 7606:         attribute-discard 0, session-reset 0, treat-as-withdraw 2");
        assertThat(t.lines().filter(l -> l.contains("update")).findFirst().orElseThrow())
                .containsSubsequence("update", "40", "2");
        String i = capture(o -> BgpTables.peer(idle(), o, 0));
        assertThat(i).contains("passive GTSM").contains("Last error:       connection to 2001:db8:78::2 failed");
    }
}

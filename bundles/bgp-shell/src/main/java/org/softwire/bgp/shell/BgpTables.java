package org.softwire.bgp.shell;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.karaf.shell.support.table.ShellTable;
import org.softwire.bgp.speaker.PeerState;
import org.softwire.bgp.speaker.PeerStatus;
import org.softwire.bgp.wire.AfiSafi;

/** Formatting of the bgp:* commands (testable without Karaf). */
final class BgpTables {
    private BgpTables() {
    }

    static String family(AfiSafi f) {
        if (f.equals(AfiSafi.IPV4_UNICAST)) {
            return "ipv4-unicast";
        }
        if (f.equals(AfiSafi.IPV6_UNICAST)) {
            return "ipv6-unicast";
        }
        if (f.equals(AfiSafi.IPV4_ENCAPSULATION)) {
            return "ipv4-encap";
        }
        if (f.equals(AfiSafi.IPV6_ENCAPSULATION)) {
            return "ipv6-encap";
        }
        return f.toString();
    }

    /** "1h02m03s" style, "-" when not Established. */
    static String uptime(PeerStatus s, long nowMillis) {
        if (s.state() != PeerState.ESTABLISHED) {
            return "-";
        }
        long t = Math.max(0, (nowMillis - s.establishedSinceMillis()) / 1000);
        long d = t / 86400;
        long h = t / 3600 % 24;
        long m = t / 60 % 60;
        long sec = t % 60;
        return d > 0 ? String.format("%dd%02dh%02dm", d, h, m) : String.format("%dh%02dm%02ds", h, m, sec);
    }

    /** Short capability list: families, +enh (RFC 8950 families), rr, as4. */
    static String caps(PeerStatus s) {
        if (s.state() != PeerState.ESTABLISHED) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.families().stream().map(BgpTables::family).sorted()
                .collect(Collectors.joining(",")));
        if (!s.extendedNextHop().isEmpty()) {
            b.append(" enh:").append(s.extendedNextHop().stream().map(BgpTables::family).sorted()
                    .collect(Collectors.joining(",")));
        }
        if (s.routeRefresh()) {
            b.append(" rr");
        }
        if (s.fourOctetAs()) {
            b.append(" as4");
        }
        return b.toString();
    }

    static String msgs(Map<String, Long> m) {
        return m.values().stream().mapToLong(Long::longValue).sum() + "";
    }

    static void peers(List<PeerStatus> peers, PrintStream out, boolean noFormat, long now) {
        ShellTable t = new ShellTable();
        t.column("Name");
        t.column("Address");
        t.column("AS").alignRight();
        t.column("State");
        t.column("Uptime").alignRight();
        t.column("Prefixes").alignRight();
        t.column("Msgs in").alignRight();
        t.column("Msgs out").alignRight();
        t.column("Capabilities");
        for (PeerStatus s : peers) {
            t.addRow().addContent(s.name(), s.address(), s.remoteAs(), s.state().label() + (s.passive() ? " (passive)"
                    : ""), uptime(s, now), s.totalPrefixes(), msgs(s.received()), msgs(s.sent()), caps(s));
        }
        t.print(out, !noFormat);
    }

    static void peer(PeerStatus s, PrintStream out, long now) {
        out.println("Peer " + s.name() + " " + s.address() + " AS " + s.remoteAs() + (s.passive() ? " passive" : "")
                + (s.gtsm() ? " GTSM" : ""));
        out.println("  State:            " + s.state().label() + ", uptime " + uptime(s, now) + ", established "
                + s.establishedTransitions() + " times");
        out.println("  Router id:        " + (s.remoteRouterId().isEmpty() ? "-" : s.remoteRouterId()));
        out.println("  Hold/keepalive:   " + s.holdTime() + " s / " + s.keepalive() + " s");
        out.println("  Families:         " + s.families().stream().map(BgpTables::family).sorted().toList());
        out.println("  Extended NH:      " + s.extendedNextHop().stream().map(BgpTables::family).sorted().toList());
        out.println("  Route refresh:    " + (s.routeRefresh() ? "yes" : "no") + ", 4-octet AS: "
                + (s.fourOctetAs() ? "yes" : "no"));
        out.println("  Max prefixes:     " + (s.maxPrefixes() == 0 ? "none" : s.maxPrefixes()));
        ShellTable t = new ShellTable();
        t.column("Message");
        t.column("Received").alignRight();
        t.column("Sent").alignRight();
        for (String m : PeerStatus.MESSAGE_TYPES) {
            t.addRow().addContent(m, s.received().getOrDefault(m, 0L), s.sent().getOrDefault(m, 0L));
        }
        t.print(out, true);
        out.println("  Prefixes:         " + s.prefixes().entrySet().stream().map(e -> family(e.getKey()) + " "
                + e.getValue()).sorted().collect(Collectors.joining(", ")));
        out.println("  RFC 7606:         " + s.rfc7606().entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                .sorted().collect(Collectors.joining(", ")));
        out.println("  Last error:       " + (s.lastError().isEmpty() ? "-" : s.lastError()));
    }
}

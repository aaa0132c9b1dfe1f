package org.softwire.dslite.shell;

import java.io.PrintStream;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.karaf.shell.support.table.ShellTable;
import org.softwire.dslite.Aftr;
import org.softwire.dslite.B4;
import org.softwire.nat44.SessionInfo;
import org.softwire.packet.IpAddress;

/** The tables the dslite commands print, apart from the commands so tests compare them with golden text. */
final class DsliteTables {
    private DsliteTables() {
    }

    static String b4(long hi, long lo) {
        return IpAddress.ofV6(hi, lo).toString();
    }

    static String proto(int p) {
        return p == 6 ? "tcp" : p == 17 ? "udp" : p == 1 ? "icmp" : Integer.toString(p);
    }

    static void aftrs(List<Aftr> aftrs, PrintStream out, boolean noFormat) {
        aftrs(aftrs, out, noFormat, false);
    }

    /** {@code verbose}: every non-zero packet counter of each AFTR too (docs/counters.md, "DS-Lite AFTR"). */
    static void aftrs(List<Aftr> aftrs, PrintStream out, boolean noFormat, boolean verbose) {
        ShellTable t = new ShellTable();
        t.column("Name");
        t.column("Running");
        t.column("Device");
        t.column("Address");
        t.column("B4 prefixes");
        t.column("Pool");
        t.column("Sessions").alignRight();
        t.column("Bindings").alignRight();
        t.column("From B4").alignRight();
        t.column("To B4").alignRight();
        t.column("Drops").alignRight();
        aftrs.stream().sorted(Comparator.comparing(Aftr::name)).forEach(a -> {
            Map<String, Long> c = a.counters();
            long drops = a.drops().values().stream().mapToLong(Long::longValue).sum();
            t.addRow().addContent(a.name(), a.running() ? "yes" : "no", a.device(), a.address(),
                    String.join(",", a.b4Prefixes()), String.join(",", a.pool()), a.sessionCount(), a.mappingCount(),
                    c.getOrDefault("from-b4", 0L), c.getOrDefault("to-b4", 0L), drops);
        });
        t.print(out, !noFormat);
        for (Aftr a : aftrs.stream().sorted(Comparator.comparing(Aftr::name)).toList()) {
            if (verbose) {
                out.println(a.name() + " counters: " + new java.util.TreeMap<>(a.counters()).entrySet().stream()
                        .filter(e -> e.getValue() != 0).map(e -> e.getKey() + "=" + e.getValue())
                        .collect(Collectors.joining(", ")));
            }
            Map<String, Long> d = a.drops();
            if (!d.isEmpty()) {
                out.println(a.name() + " drops: " + d.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                        .collect(Collectors.joining(", ")));
            }
            for (String alarm : a.alarms()) {
                out.println(a.name() + " alarm: " + alarm);
            }
        }
    }

    static void sessions(List<SessionInfo> sessions, PrintStream out, boolean noFormat) {
        ShellTable t = new ShellTable();
        t.column("B4");
        t.column("Proto");
        t.column("Internal");
        t.column("External");
        t.column("Remote");
        t.column("TCP state");
        for (SessionInfo s : sessions) {
            t.addRow().addContent(b4(s.subscriberHi(), s.subscriberLo()), proto(s.protocol()),
                    SessionInfo.ipv4(s.internalAddress()) + ":" + s.internalPort(),
                    SessionInfo.ipv4(s.externalAddress()) + ":" + s.externalPort(),
                    SessionInfo.ipv4(s.remoteAddress()) + ":" + s.remotePort(), s.tcpState().label());
        }
        t.print(out, !noFormat);
    }

    /** Bindings (RFC 6333 §6.6 extended binding table): one row per mapping, with its session count. */
    static void bindings(List<SessionInfo> sessions, PrintStream out, boolean noFormat) {
        Map<String, Object[]> rows = new LinkedHashMap<>();
        for (SessionInfo s : sessions) {
            String key = b4(s.subscriberHi(), s.subscriberLo()) + "|" + s.protocol() + "|" + s.internalAddress() + "|"
                    + s.internalPort();
            Object[] r = rows.computeIfAbsent(key, k -> new Object[] {b4(s.subscriberHi(), s.subscriberLo()),
                    SessionInfo.ipv4(s.internalAddress()), proto(s.protocol()), s.internalPort(),
                    SessionInfo.ipv4(s.externalAddress()), s.externalPort(), 0});
            r[6] = (Integer) r[6] + 1;
        }
        ShellTable t = new ShellTable();
        t.column("B4 (Softwire-Id)");
        t.column("Inner address");
        t.column("Proto");
        t.column("Inner port").alignRight();
        t.column("External address");
        t.column("External port").alignRight();
        t.column("Sessions").alignRight();
        for (Object[] r : rows.values()) {
            t.addRow().addContent(r);
        }
        t.print(out, !noFormat);
    }

    static void b4s(List<B4> b4s, PrintStream out, boolean noFormat) {
        ShellTable t = new ShellTable();
        t.column("Name");
        t.column("Local");
        t.column("AFTR");
        t.column("AFTR address");
        t.column("Softwire");
        t.column("Problem");
        b4s.stream().sorted(Comparator.comparing(B4::name)).forEach(b -> t.addRow().addContent(b.name(), b.local(),
                b.aftrName(), b.aftrAddress() == null ? "-" : b.aftrAddress(), b.softwireName(),
                b.lastError() == null ? "" : b.lastError()));
        t.print(out, !noFormat);
    }
}

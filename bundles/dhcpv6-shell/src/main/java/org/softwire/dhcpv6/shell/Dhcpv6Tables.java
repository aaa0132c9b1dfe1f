package org.softwire.dhcpv6.shell;

import java.io.PrintStream;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.karaf.shell.support.table.ShellTable;
import org.softwire.dhcpv6.server.Dhcpv6Server;
import org.softwire.dhcpv6.server.Lease;
import org.softwire.dhcpv6.server.SubnetView;

/** The tables the dhcpv6 commands print, apart from the commands so tests compare them with golden text. */
final class Dhcpv6Tables {
    private Dhcpv6Tables() {
    }

    static void servers(List<Dhcpv6Server> servers, PrintStream out, boolean noFormat) {
        ShellTable t = new ShellTable();
        t.column("Name");
        t.column("DUID");
        t.column("Interfaces");
        t.column("Subnets").alignRight();
        t.column("Leases").alignRight();
        t.column("Received").alignRight();
        t.column("Sent").alignRight();
        t.column("Drops").alignRight();
        sorted(servers).forEach(s -> t.addRow().addContent(s.name(), s.duid(),
                String.join(", ", s.interfaces().entrySet().stream().sorted(Map.Entry.comparingByKey())
                        .map(e -> e.getKey() + " " + e.getValue()).toList()),
                s.subnets().size(), s.leases().size(), sum(s.received()), sum(s.sent()), sum(s.dropsByReason())));
        t.print(out, !noFormat);
    }

    static void leases(List<Dhcpv6Server> servers, String subnet, PrintStream out, boolean noFormat, long now) {
        ShellTable t = new ShellTable();
        t.column("Server");
        t.column("Subnet");
        t.column("Type");
        t.column("Address/prefix");
        t.column("Client DUID");
        t.column("IAID").alignRight();
        t.column("State");
        t.column("Expires in").alignRight();
        t.column("Expires at");
        for (Dhcpv6Server s : sorted(servers)) {
            s.leases().stream().filter(l -> subnet == null || l.subnet().equals(subnet))
                    .sorted(Comparator.comparing(Lease::subnet).thenComparing(Lease::kind)
                            .thenComparing(l -> l.prefix().toString()))
                    .forEach(l -> t.addRow().addContent(s.name(), l.subnet(), l.kind(), l.prefix(),
                            l.clientDuid().toHex(), l.iaid(), l.state().name().toLowerCase(java.util.Locale.ROOT),
                            (l.expiresAt() - now) + " s", Instant.ofEpochSecond(l.expiresAt()).toString()));
        }
        t.print(out, !noFormat);
    }

    static void subnets(List<Dhcpv6Server> servers, PrintStream out, boolean noFormat) {
        ShellTable t = new ShellTable();
        t.column("Server");
        t.column("Subnet");
        t.column("Prefix");
        t.column("Interface");
        t.column("Address pools");
        t.column("Prefix pools");
        t.column("Leases").alignRight();
        for (Dhcpv6Server s : sorted(servers)) {
            for (SubnetView v : s.subnets()) {
                t.addRow().addContent(s.name(), v.name(), v.prefix(), v.iface().isEmpty() ? "(relayed)" : v.iface(),
                        String.join(", ", v.addressPools()), String.join(", ", v.prefixPools()), v.activeLeases());
            }
        }
        t.print(out, !noFormat);
        for (Dhcpv6Server s : sorted(servers)) {
            for (SubnetView v : s.subnets()) {
                out.println(s.name() + "/" + v.name() + " serves (when the ORO asks):");
                if (v.servedOptions().isEmpty()) {
                    out.println("  (no options)");
                }
                v.servedOptions().forEach(o -> out.println("  " + o));
            }
        }
    }

    static void counters(Dhcpv6Server s, PrintStream out, boolean noFormat) {
        ShellTable t = new ShellTable();
        t.column("Counter");
        t.column("Value").alignRight();
        s.received().forEach((k, v) -> t.addRow().addContent("received " + k, v));
        s.sent().forEach((k, v) -> t.addRow().addContent("sent " + k, v));
        s.dropsByReason().forEach((k, v) -> t.addRow().addContent("drop " + k, v));
        out.println("Server " + s.name() + " (DUID " + s.duid() + ")");
        t.print(out, !noFormat);
    }

    private static long sum(Map<String, Long> m) {
        return m.values().stream().mapToLong(Long::longValue).sum();
    }

    private static List<Dhcpv6Server> sorted(List<Dhcpv6Server> servers) {
        return servers.stream().sorted(Comparator.comparing(Dhcpv6Server::name)).toList();
    }
}

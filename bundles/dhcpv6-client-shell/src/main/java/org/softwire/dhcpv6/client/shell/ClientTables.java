package org.softwire.dhcpv6.client.shell;

import java.io.PrintStream;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.karaf.shell.support.table.ShellTable;
import org.softwire.dhcpv6.Dhcpv6Option;
import org.softwire.dhcpv6.client.Dhcpv6Client;
import org.softwire.dhcpv6.client.Dhcpv6Lease;

/** What the dhcpv6:client-* commands print, apart from the commands so tests compare it with golden text. */
final class ClientTables {
    private ClientTables() {
    }

    static void list(List<Dhcpv6Client> clients, PrintStream out, boolean noFormat) {
        ShellTable t = new ShellTable();
        t.column("Name");
        t.column("Interface");
        t.column("Netns");
        t.column("Mode");
        t.column("State");
        t.column("AFTR-Name");
        t.column("Addresses");
        t.column("B4");
        t.column("Sent").alignRight();
        t.column("Received").alignRight();
        t.column("Drops").alignRight();
        for (Dhcpv6Client c : sorted(clients)) {
            Dhcpv6Lease l = c.lease();
            Map<String, Long> n = c.counters();
            t.addRow().addContent(c.name(), c.interfaceName(), c.netns(), c.mode(), c.state().label(),
                    l == null || l.aftrName() == null ? "" : l.aftrName(),
                    l == null ? "" : l.addresses().stream().map(Dhcpv6Lease.Address::address)
                            .collect(Collectors.joining(",")),
                    c.b4(), sum(n, "sent."), sum(n, "received."), sum(c.drops(), ""));
        }
        t.print(out, !noFormat);
    }

    static void show(Dhcpv6Client c, PrintStream out) {
        out.println("Name       : " + c.name());
        out.println("Interface  : " + c.interfaceName() + (c.netns().isEmpty() ? "" : " (netns " + c.netns() + ")"));
        out.println("Mode       : " + c.mode());
        out.println("State      : " + c.state().label());
        out.println("DUID       : " + c.duid());
        out.println("B4         : " + (c.b4().isEmpty() ? "-" : c.b4()));
        if (c.lastError() != null) {
            out.println("Last error : " + c.lastError());
        }
        Dhcpv6Lease l = c.lease();
        if (l == null) {
            out.println("Lease      : none");
        } else {
            out.println("Server     : " + l.serverDuid());
            out.println("AFTR-Name  : " + (l.aftrName() == null ? "-" : l.aftrName()));
            out.println("S46 prio.  : " + (l.s46Priority().isEmpty() ? "-" : l.s46Priority().stream()
                    .map(String::valueOf).collect(Collectors.joining(" "))));
            out.println("Mechanism  : " + mechanism(l.chosenMechanism()));
            for (Dhcpv6Option o : l.s46Containers()) {
                out.println("S46        : " + o);
            }
            for (Dhcpv6Lease.Address a : l.addresses()) {
                out.println("Address    : " + a.address() + " preferred " + a.preferredLifetime() + " s, valid "
                        + a.validLifetime() + " s");
            }
            for (Dhcpv6Lease.Prefix p : l.prefixes()) {
                out.println("Prefix     : " + p.prefix() + " preferred " + p.preferredLifetime() + " s, valid "
                        + p.validLifetime() + " s");
            }
            if (!l.addresses().isEmpty() || !l.prefixes().isEmpty()) {
                out.println("T1/T2      : " + l.t1() + " s / " + l.t2() + " s");
            } else {
                out.println("Refresh    : " + l.refreshSeconds() + " s");
            }
        }
        out.println("Counters   : " + c.counters().entrySet().stream().filter(e -> !e.getKey().startsWith("drop."))
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", ")));
        Map<String, Long> d = c.drops();
        out.println("Drops      : " + (d.isEmpty() ? "none" : d.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "))));
    }

    static String mechanism(int code) {
        return switch (code) {
            case 64 -> "DS-Lite (64)";
            case 94 -> "MAP-E (94)";
            case 95 -> "MAP-T (95)";
            case 96 -> "lw4o6 (96)";
            case -1 -> "-";
            default -> Integer.toString(code);
        };
    }

    static List<Dhcpv6Client> sorted(List<Dhcpv6Client> clients) {
        return clients.stream().sorted(Comparator.comparing(Dhcpv6Client::name)).toList();
    }

    private static long sum(Map<String, Long> m, String prefix) {
        return m.entrySet().stream().filter(e -> e.getKey().startsWith(prefix)).mapToLong(Map.Entry::getValue).sum();
    }
}

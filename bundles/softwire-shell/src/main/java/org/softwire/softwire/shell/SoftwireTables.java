package org.softwire.softwire.shell;

import java.io.PrintStream;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.karaf.shell.support.table.ShellTable;
import org.softwire.packet.DropReason;
import org.softwire.softwire.Softwire;
import org.softwire.softwire.SoftwireStats;

/** The tables the commands print, separate from the commands so that tests compare them with golden text. */
final class SoftwireTables {
    private SoftwireTables() {
    }

    /**
     * One row per softwire, sorted by name, then one line per device with the drops no softwire was charged with
     * (no route for the inner destination, unknown remote, ...).
     */
    static void list(List<Softwire> softwires, PrintStream out, boolean noFormat) {
        ShellTable t = new ShellTable();
        t.column("Name");
        t.column("State");
        t.column("Encapsulation");
        t.column("Device");
        t.column("Local");
        t.column("Remote");
        t.column("Prefixes");
        t.column("MTU").alignRight();
        t.column("Encap packets").alignRight();
        t.column("Decap packets").alignRight();
        t.column("Drops").alignRight();
        softwires.stream().sorted(Comparator.comparing(Softwire::name)).forEach(s -> {
            SoftwireStats c = s.stats();
            t.addRow().addContent(s.name(), s.state().label(), s.encapsulation(), s.device(), s.local(), s.remote(),
                    String.join(",", s.prefixes()), s.mtu(), c.encapPackets(), c.decapPackets(), c.dropTotal());
        });
        t.print(out, !noFormat);
        Map<String, Map<String, Long>> devices = new TreeMap<>();
        softwires.forEach(s -> devices.merge(s.device(), s.deviceDrops(), (x, y) -> x.isEmpty() ? y : x));
        devices.forEach((device, drops) -> out.println("device " + device + ": " + (drops.isEmpty() ? "no drops"
                : "drops " + drops.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                        .collect(Collectors.joining(", ")))));
    }

    /** One softwire: configuration, counters and its drops by reason with their meaning. */
    static void show(Softwire s, PrintStream out, boolean noFormat) {
        SoftwireStats c = s.stats();
        out.println(s.name() + " (" + s.encapsulation() + ", " + s.state().label() + ")");
        out.println("device " + s.device() + ", local " + s.local() + ", remote " + s.remote() + ", mtu " + s.mtu()
                + (s.greKey() >= 0 ? ", gre key " + s.greKey() : ""));
        out.println("prefixes " + String.join(", ", s.prefixes()));
        out.println("encapsulated " + c.encapPackets() + " packets " + c.encapBytes() + " octets, decapsulated "
                + c.decapPackets() + " packets " + c.decapBytes() + " octets");
        out.println("icmp errors sent " + c.icmpSent() + ", outer fragments " + c.fragments() + ", drops "
                + c.dropTotal());
        if (!s.deviceDrops().isEmpty()) {
            out.println("device " + s.device() + " drops (all its softwires): " + s.deviceDrops().entrySet().stream()
                    .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", ")));
        }
        if (c.drops().isEmpty()) {
            return;
        }
        ShellTable t = new ShellTable();
        t.column("Drop reason");
        t.column("Count").alignRight();
        t.column("Meaning");
        for (Map.Entry<String, Long> e : c.drops().entrySet()) {
            t.addRow().addContent(e.getKey(), e.getValue(), meaning(e.getKey()));
        }
        t.print(out, !noFormat);
    }

    /** The operator text of a drop label: a {@link DropReason} or one of the softwire's own. */
    static String meaning(String label) {
        switch (label) {
            case "no-codec":
                return "the configured encapsulation codec is not registered";
            case "tx-not-taken":
                return "the device's transmit queue was full (see io:device)";
            default:
                for (DropReason r : DropReason.values()) {
                    if (r.label().equals(label)) {
                        return r.description();
                    }
                }
                return "";
        }
    }
}

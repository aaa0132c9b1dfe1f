package org.softwire.io.shell;

import java.io.PrintStream;
import java.util.Comparator;
import java.util.List;
import org.apache.karaf.shell.support.table.ShellTable;
import org.softwire.io.CounterSnapshot;
import org.softwire.io.IoDropReason;
import org.softwire.io.PacketDevice;

/** The tables the commands print, separate from the commands so that tests compare them with golden text. */
final class DeviceTables {
    private DeviceTables() {
    }

    /** One row per device, sorted by name. */
    static void devices(List<PacketDevice> devices, PrintStream out, boolean noFormat) {
        ShellTable t = new ShellTable();
        t.column("Name");
        t.column("Kind");
        t.column("Queues").alignRight();
        t.column("MTU").alignRight();
        t.column("State");
        t.column("RX packets").alignRight();
        t.column("RX octets").alignRight();
        t.column("TX packets").alignRight();
        t.column("TX octets").alignRight();
        t.column("Drops").alignRight();
        devices.stream().sorted(Comparator.comparing(PacketDevice::name)).forEach(d -> {
            CounterSnapshot c = d.counters();
            t.addRow().addContent(d.name(), d.kind(), d.queueCount(), d.mtu(), d.isOpen() ? "open" : "closed",
                    c.rxPackets(), c.rxBytes(), c.txPackets(), c.txBytes(), c.dropsTotal());
        });
        t.print(out, !noFormat);
    }

    /** One device: its counters and every drop reason with its count and meaning. */
    static void device(PacketDevice d, PrintStream out, boolean noFormat) {
        CounterSnapshot c = d.counters();
        out.println(d.name() + " (" + d.kind() + ", " + d.queueCount() + (d.queueCount() == 1 ? " queue" : " queues")
                + ", mtu " + d.mtu() + ", " + (d.isOpen() ? "open" : "closed") + ")");
        out.println("rx " + c.rxPackets() + " packets " + c.rxBytes() + " octets, tx " + c.txPackets() + " packets "
                + c.txBytes() + " octets");
        ShellTable t = new ShellTable();
        t.column("Drop reason");
        t.column("Count").alignRight();
        t.column("Meaning");
        for (IoDropReason r : IoDropReason.values()) {
            t.addRow().addContent(r.label(), c.drops(r), r.description());
        }
        t.print(out, !noFormat);
    }
}

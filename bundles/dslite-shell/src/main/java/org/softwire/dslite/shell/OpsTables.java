package org.softwire.dslite.shell;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.karaf.shell.support.table.ShellTable;
import org.softwire.dslite.Aftr;
import org.softwire.dslite.PoolAddressUsage;
import org.softwire.dslite.SubscriberReport;

/** The pool and subscriber tables, apart from the commands so tests compare them with golden text. */
final class OpsTables {
    private OpsTables() {
    }

    private static List<Aftr> sorted(List<Aftr> aftrs) {
        return aftrs.stream().sorted(Comparator.comparing(Aftr::name)).toList();
    }

    static void pool(List<Aftr> aftrs, PrintStream out, boolean noFormat) {
        ShellTable t = new ShellTable();
        t.column("AFTR");
        t.column("Address");
        t.column("State");
        t.column("B4s").alignRight();
        t.column("TCP ports").alignRight();
        t.column("UDP ports").alignRight();
        t.column("ICMP ids").alignRight();
        t.column("Blocks").alignRight();
        t.column("Hold-down").alignRight();
        t.column("Free").alignRight();
        for (Aftr a : sorted(aftrs)) {
            for (PoolAddressUsage u : a.poolUsage()) {
                t.addRow().addContent(a.name(), u.address(), u.draining() ? "draining" : "active", u.subscribers(),
                        u.tcpPorts(), u.udpPorts(), u.icmpIds(), u.tcpBlocks() + "/" + u.udpBlocks() + "/"
                                + u.icmpBlocks(), u.holdDownBlocks(), u.freeBlocks());
            }
        }
        t.print(out, !noFormat);
        out.println("Blocks: TCP/UDP/ICMP blocks held; Hold-down and Free: blocks of all protocols");
    }

    /** Who holds {@code address:port} on each AFTR, per protocol; says so when nobody does. */
    static void portOwner(List<Aftr> aftrs, String address, int port, PrintStream out, boolean noFormat) {
        ShellTable t = new ShellTable();
        t.column("AFTR");
        t.column("Protocol");
        t.column("B4");
        int rows = 0;
        for (Aftr a : sorted(aftrs)) {
            for (java.util.Map.Entry<String, String> e : a.portOwner(address, port).entrySet()) {
                t.addRow().addContent(a.name(), e.getKey(), e.getValue());
                rows++;
            }
        }
        if (rows == 0) {
            out.println("Nobody holds " + address + ":" + port + " now (dynamic mode: see the port-block log"
                    + " org.softwire.nat44.portblocks for the past)");
            return;
        }
        t.print(out, !noFormat);
    }

    static void subscribers(List<Aftr> aftrs, String b4, int limit, PrintStream out, boolean noFormat) {
        if (limit < 1) {
            throw new IllegalArgumentException("--limit " + limit + " must be at least 1");
        }
        if (b4 != null) {
            Filters.of(b4, null, -1); // checks it is an IPv6 address
        }
        ShellTable t = new ShellTable();
        t.column("AFTR");
        t.column("B4");
        t.column("External");
        t.column("TCP").alignRight();
        t.column("UDP").alignRight();
        t.column("ICMP").alignRight();
        t.column("Quota").alignRight();
        t.column("Sessions").alignRight();
        t.column("Receives").alignRight();
        t.column("Sends").alignRight();
        t.column("Discards").alignRight();
        List<String> blocks = new ArrayList<>();
        int rows = 0;
        for (Aftr a : sorted(aftrs)) {
            for (SubscriberReport r : a.subscribers(b4, limit)) {
                rows++;
                t.addRow().addContent(a.name(), r.b4(), r.externalAddress(), r.tcpPorts(), r.udpPorts(), r.icmpIds(),
                        r.portQuota(), r.sessions() + "/" + r.sessionLimit(), r.receives(), r.sends(), r.discards());
                if (b4 != null) {
                    r.portBlocks().forEach(pb -> blocks.add(a.name() + " " + r.b4() + " port block " + pb));
                }
            }
        }
        t.print(out, !noFormat);
        blocks.forEach(out::println);
        if (b4 != null && rows == 0) {
            out.println("no B4 " + b4 + " holds ports");
        }
    }
}

package org.softwire.encap.shell.internal;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.karaf.shell.support.table.ShellTable;
import org.softwire.encap.CodecCounters;
import org.softwire.encap.CodecInfo;
import org.softwire.packet.DropReason;

/**
 * Builds the console tables of the codec commands from {@link CodecInfo} values: plain code, no shell session,
 * so the exact text is tested against golden files.
 */
final class CodecTables {
    static final String NO_CODECS = "No encapsulation codec is registered (is the softwire-encap feature installed?)";
    static final String NO_DROPS = "No packet dropped";

    private CodecTables() {
    }

    /** One row per codec; {@code verbose} adds byte, ICMP and bundle columns. */
    static ShellTable codecs(List<CodecInfo> codecs, boolean verbose) {
        ShellTable t = new ShellTable().emptyTableText(NO_CODECS);
        t.column("Name");
        t.column("Outer");
        t.column("Payload");
        t.column("Protocol").alignRight();
        t.column("Reference");
        t.column("Encap pkts").alignRight();
        if (verbose) {
            t.column("Encap bytes").alignRight();
        }
        t.column("Decap pkts").alignRight();
        if (verbose) {
            t.column("Decap bytes").alignRight();
            t.column("ICMP sent").alignRight();
            t.column("ICMP relayed").alignRight();
        }
        t.column("Drops").alignRight();
        if (verbose) {
            t.column("Bundle");
        }
        for (CodecInfo c : codecs) {
            CodecCounters.Snapshot s = c.counters();
            var row = t.addRow();
            row.addContent(c.name(), c.outer(), String.join("+", c.payload()), c.protocol(), c.reference(),
                    s.encapPackets());
            if (verbose) {
                row.addContent(s.encapBytes());
            }
            row.addContent(s.decapPackets());
            if (verbose) {
                row.addContent(s.decapBytes(), s.icmpGenerated(), s.icmpRelayed());
            }
            row.addContent(s.dropTotal());
            if (verbose) {
                row.addContent(c.bundle());
            }
        }
        return t;
    }

    /** Drops by reason of the given codecs, one row per codec and reason seen, in reason order. */
    static ShellTable drops(List<CodecInfo> codecs) {
        ShellTable t = new ShellTable().emptyTableText(NO_DROPS);
        t.column("Codec");
        t.column("Reason");
        t.column("Packets").alignRight();
        t.column("Rule");
        t.column("Meaning");
        for (CodecInfo c : codecs) {
            for (Map.Entry<DropReason, Long> e : c.counters().drops().entrySet()) {
                DropReason r = e.getKey();
                t.addRow().addContent(c.name(), r.label(), e.getValue(), r.reference(), r.description());
            }
        }
        return t;
    }

    /** Everything about one codec, as name/value lines. */
    static ShellTable details(CodecInfo c) {
        CodecCounters.Snapshot s = c.counters();
        ShellTable t = new ShellTable().noHeaders();
        t.column("Property");
        t.column("Value");
        t.addRow().addContent("Name", c.name());
        t.addRow().addContent("Outer family", c.outer());
        t.addRow().addContent("Payload families", String.join(", ", c.payload()));
        t.addRow().addContent("Protocol", c.protocol());
        t.addRow().addContent("Reference", c.reference());
        t.addRow().addContent("Bundle", c.bundle());
        t.addRow().addContent("Encapsulated", s.encapPackets() + " packets, " + s.encapBytes() + " bytes");
        t.addRow().addContent("Decapsulated", s.decapPackets() + " packets, " + s.decapBytes() + " bytes");
        t.addRow().addContent("ICMP errors", s.icmpGenerated() + " sent, " + s.icmpRelayed() + " relayed");
        t.addRow().addContent("Dropped", s.dropTotal() + " packets");
        return t;
    }

    /** Renders a table as the console shows it, in ASCII (for tests and non-UTF-8 terminals). */
    static String render(ShellTable table) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            table.forceAscii().print(out, StandardCharsets.UTF_8, true);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}

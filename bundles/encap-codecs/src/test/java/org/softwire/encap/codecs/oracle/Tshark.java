package org.softwire.encap.codecs.oracle;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs tshark over a pcap with checksum validation switched on and returns one map of field values per frame.
 * A field that occurs several times (outer and inner IP header) is comma-joined in order, outermost first.
 * Checksum status values: 0 Bad, 1 Good, 2 Unverified.
 */
final class Tshark {
    /** The fields every oracle test reads (names as tshark 4.0 spells them). */
    static final List<String> FIELDS = List.of(
            "frame.number", "frame.protocols",
            "ipv6.src", "ipv6.dst", "ipv6.nxt", "ipv6.hlim", "ipv6.tclass.dscp", "ipv6.tclass.ecn", "ipv6.flow",
            "ipv6.opt.type", "ipv6.opt.tel",
            "ip.src", "ip.dst", "ip.proto", "ip.ttl", "ip.dsfield.dscp", "ip.dsfield.ecn", "ip.flags.df", "ip.len",
            "gre.flags.checksum", "gre.flags.key", "gre.flags.sequence_number", "gre.key", "gre.sequence_number",
            "gre.proto",
            "tcp.flags.str", "udp.length", "icmp.type", "icmp.code", "icmp.mtu", "icmpv6.type", "icmpv6.code",
            "icmpv6.mtu",
            "ip.checksum.status", "tcp.checksum.status", "udp.checksum.status", "icmp.checksum.status",
            "icmpv6.checksum.status", "gre.checksum.status",
            "_ws.expert.severity",
            // last, because expert messages may contain the aggregator
            "_ws.expert.message");

    private Tshark() {
    }

    static List<Map<String, String>> read(Path pcap) {
        List<String> cmd = new ArrayList<>(List.of(ExternalTools.tshark(), "-r", pcap.toString(), "-n",
                "-o", "ip.check_checksum:TRUE", "-o", "tcp.check_checksum:TRUE", "-o", "udp.check_checksum:TRUE",
                "-T", "fields", "-E", "separator=|", "-E", "occurrence=a", "-E", "aggregator=,", "-E", "quote=n"));
        for (String f : FIELDS) {
            cmd.add("-e");
            cmd.add(f);
        }
        ExternalTools.Result r = ExternalTools.run(cmd, ExternalTools.TIMEOUT_SECONDS).assertSuccess();
        List<Map<String, String>> frames = new ArrayList<>();
        for (String line : r.stdout().split("\n")) {
            if (line.isEmpty()) {
                continue;
            }
            String[] v = line.split("\\|", FIELDS.size());
            if (v.length != FIELDS.size()) {
                fail(r.describe("printed a line with " + v.length + " of " + FIELDS.size() + " fields: " + line));
            }
            Map<String, String> m = new LinkedHashMap<>();
            for (int i = 0; i < v.length; i++) {
                m.put(FIELDS.get(i), v[i]);
            }
            frames.add(m);
        }
        return frames;
    }
}

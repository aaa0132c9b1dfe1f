package org.softwire.dhcpv6.options.oracle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.softwire.dhcpv6.options.Samples.v6;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.softwire.dhcpv6.Dhcpv6MessageCodec;
import org.softwire.dhcpv6.options.Samples;

/**
 * Our encoder against Wireshark's DHCPv6 dissector: a Solicit asking for 64/94/95/96/111, a Reply with AFTR-Name,
 * the three S46 containers, S46 priority, IA_NA and IA_PD, and a Relay-forward wrapping the Solicit, as UDP
 * 546/547 over IPv6. tshark must decode the same values and report nothing malformed and no expert info.
 */
class TsharkOracleTest {
    static final List<String> FIELDS = List.of("frame.number", "udp.checksum.status", "dhcpv6.msgtype",
            "dhcpv6.xid", "dhcpv6.linkaddr", "dhcpv6.peeraddr", "dhcpv6.requested_option_code", "dhcpv6.aftr_name",
            "dhcpv6.s46_rule.flags.fmr", "dhcpv6.s46_rule.ea_len", "dhcpv6.s46_rule.ipv4_pref_len",
            "dhcpv6.s46_rule.ipv4_prefix", "dhcpv6.s46_rule.ipv6_prefix_len", "dhcpv6.s46_rule.ipv6_prefix",
            "dhcpv6.s46_br.address", "dhcpv6.s46_dmr.dmr_pref_len", "dhcpv6.s46_dmr.dmr_prefix",
            "dhcpv6.s46_v4v6bind.ipv4_address", "dhcpv6.s46_v4v6bind.ipv6_pref_len", "dhcpv6.s46_v4v6bind.ipv6_prefix",
            "dhcpv6.s46_portparam.offset", "dhcpv6.s46_portparam.psid_len", "dhcpv6.s46_portparam.psid",
            "dhcpv6.iaaddr.ip", "dhcpv6.iaprefix.pref_len", "dhcpv6.iaprefix.pref_addr", "dhcpv6.dns_server",
            "dhcpv6.duidllt.link_layer_addr", "dhcpv6.status_msg", "dhcpv6.option.type",
            "_ws.malformed", "_ws.expert.severity", "_ws.expert.message");

    @Test
    void tsharkDecodesWhatWeEncode() throws Exception {
        String tshark = ExternalTools.tshark();
        Dhcpv6MessageCodec codec = Samples.codec();
        Path pcap = ExternalTools.workDir("tshark").resolve("dhcpv6.pcap");
        UdpFrames.write(pcap, List.of(
                new UdpFrames.Frame(v6("fe80::2"), 546, v6("ff02::1:2"), 547, codec.encode(Samples.solicit())),
                new UdpFrames.Frame(v6("fe80::1"), 547, v6("fe80::2"), 546, codec.encode(Samples.reply())),
                new UdpFrames.Frame(v6("2001:db8:1::1"), 547, v6("2001:db8::547"), 547,
                        codec.encode(Samples.relayForward()))));

        List<String> cmd = new ArrayList<>(List.of(tshark, "-r", pcap.toString(), "-n", "-o", "udp.check_checksum:TRUE",
                "-T", "fields", "-E", "separator=|", "-E", "occurrence=a", "-E", "aggregator=,"));
        for (String f : FIELDS) {
            cmd.add("-e");
            cmd.add(f);
        }
        var r = ExternalTools.run(cmd).assertSuccess();
        List<Map<String, String>> frames = new ArrayList<>();
        for (String line : r.stdout().split("\n")) {
            if (!line.isBlank()) {
                String[] v = line.split("\\|", -1);
                Map<String, String> m = new LinkedHashMap<>();
                for (int i = 0; i < FIELDS.size(); i++) {
                    m.put(FIELDS.get(i), i < v.length ? v[i] : "");
                }
                frames.add(m);
            }
        }
        assertThat(frames).hasSize(3);
        for (Map<String, String> f : frames) {
            assertThat(f.get("_ws.malformed")).as("frame %s malformed: %s", f.get("frame.number"), f).isEmpty();
            assertThat(f.get("_ws.expert.message")).as("frame %s expert info", f.get("frame.number")).isEmpty();
            assertThat(f.get("udp.checksum.status")).isEqualTo("1");
        }

        Map<String, String> solicit = frames.get(0);
        assertThat(solicit.get("dhcpv6.msgtype")).isEqualTo("1");
        assertThat(solicit.get("dhcpv6.xid")).isEqualTo("0x123456");
        assertThat(solicit.get("dhcpv6.requested_option_code")).isEqualTo("64,94,95,96,111,82,23");
        assertThat(solicit.get("dhcpv6.duidllt.link_layer_addr")).isEqualTo("02:00:00:c0:ff:ee");

        Map<String, String> reply = frames.get(1);
        assertThat(reply.get("dhcpv6.msgtype")).isEqualTo("7");
        assertThat(reply.get("dhcpv6.aftr_name")).isEqualTo("aftr.example.com.");
        assertThat(reply.get("dhcpv6.iaaddr.ip")).isEqualTo("2001:db8::100");
        assertThat(reply.get("dhcpv6.iaprefix.pref_len")).isEqualTo("56");
        assertThat(reply.get("dhcpv6.iaprefix.pref_addr")).isEqualTo("2001:db8:12:3400::");
        assertThat(reply.get("dhcpv6.dns_server")).isEqualTo("2001:db8::53");
        assertThat(reply.get("dhcpv6.status_msg")).isEqualTo("all went well");
        // MAP-E rule (RFC 7597 Ex. 1) then the MAP-T rule
        assertThat(reply.get("dhcpv6.s46_rule.flags.fmr")).isIn("1,0", "True,False");
        assertThat(reply.get("dhcpv6.s46_rule.ea_len")).isEqualTo("16,16");
        assertThat(reply.get("dhcpv6.s46_rule.ipv4_pref_len")).isEqualTo("24,24");
        assertThat(reply.get("dhcpv6.s46_rule.ipv4_prefix")).isEqualTo("192.0.2.0,198.51.100.0");
        assertThat(reply.get("dhcpv6.s46_rule.ipv6_prefix_len")).isEqualTo("40,40");
        assertThat(reply.get("dhcpv6.s46_rule.ipv6_prefix")).isEqualTo("2001:db8::,2001:db8:100::");
        assertThat(reply.get("dhcpv6.s46_br.address")).isEqualTo("2001:db8:ffff::1,2001:db8:ffff::2");
        assertThat(reply.get("dhcpv6.s46_dmr.dmr_pref_len")).isEqualTo("64");
        assertThat(reply.get("dhcpv6.s46_dmr.dmr_prefix")).isEqualTo("2001:db8:64::");
        assertThat(reply.get("dhcpv6.s46_v4v6bind.ipv4_address")).isEqualTo("203.0.113.7");
        assertThat(reply.get("dhcpv6.s46_v4v6bind.ipv6_pref_len")).isEqualTo("56");
        assertThat(reply.get("dhcpv6.s46_v4v6bind.ipv6_prefix")).isEqualTo("2001:db8:12:3400::");
        assertThat(reply.get("dhcpv6.s46_portparam.offset")).isEqualTo("6,6,0");
        assertThat(reply.get("dhcpv6.s46_portparam.psid_len")).isEqualTo("0,8,6");
        assertThat(reply.get("dhcpv6.s46_portparam.psid")).isEqualTo("0,52,5");
        assertThat(reply.get("dhcpv6.option.type")).contains("94", "95", "96", "111", "64", "25", "26", "3", "5");

        Map<String, String> relay = frames.get(2);
        assertThat(relay.get("dhcpv6.msgtype")).isEqualTo("12,1");
        assertThat(relay.get("dhcpv6.linkaddr")).isEqualTo("2001:db8:1::1");
        assertThat(relay.get("dhcpv6.peeraddr")).isEqualTo("fe80::2");
        assertThat(relay.get("dhcpv6.requested_option_code")).isEqualTo("64,94,95,96,111,82,23");
    }
}

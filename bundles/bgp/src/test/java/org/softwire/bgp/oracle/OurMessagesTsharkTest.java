package org.softwire.bgp.oracle;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.softwire.bgp.wire.AfiSafi;
import org.softwire.bgp.wire.AsPath;
import org.softwire.bgp.wire.AsPathSegment;
import org.softwire.bgp.wire.BgpEncoder;
import org.softwire.bgp.wire.BgpMessage;
import org.softwire.bgp.wire.Capability;
import org.softwire.bgp.wire.ExtendedCommunities;
import org.softwire.bgp.wire.ExtendedCommunity;
import org.softwire.bgp.wire.KeepaliveMessage;
import org.softwire.bgp.wire.MpReachNlri;
import org.softwire.bgp.wire.NotificationMessage;
import org.softwire.bgp.wire.Octets;
import org.softwire.bgp.wire.OpenMessage;
import org.softwire.bgp.wire.PathAttribute;
import org.softwire.bgp.wire.Prefix;
import org.softwire.bgp.wire.RouteRefreshMessage;
import org.softwire.bgp.wire.SessionContext;
import org.softwire.bgp.wire.SubTlv;
import org.softwire.bgp.wire.TunnelEncapsulation;
import org.softwire.bgp.wire.TunnelTlv;
import org.softwire.bgp.wire.UpdateMessage;

/**
 * Oracle: tshark (Wireshark's BGP dissector) decodes what we encode as we meant it and flags nothing as
 * malformed. Two sub-TLVs are left out on purpose because tshark 4.0.17 misreads them: Color (reads 4 of the 8
 * octets, peers.md §1a) and Load-Balancing Block (reads a 4-octet value where RFC 5640 §2 says "the sub-TLV length
 * is 2 octets"; our 2-octet encoding is checked byte-exact in Rfc9012Test).
 */
class OurMessagesTsharkTest {
    static final List<String> FIELDS = List.of("frame.number", "bgp.type", "bgp.open.myas", "bgp.open.holdtime",
            "bgp.open.identifier", "bgp.cap.type", "bgp.cap.4as", "bgp.cap.enh.nhafi",
            "bgp.update.path_attribute.type_code", "bgp.update.path_attribute.mp_reach_nlri.afi",
            "bgp.update.path_attribute.mp_reach_nlri.next_hop.ipv6", "bgp.prefix_length",
            "bgp.update.encaps_tunnel_tlv_type", "bgp.update.encaps_tunnel_subtlv_type",
            "bgp.update.encaps_tunnel_tlv_subtlv_gre_key", "bgp.update.encaps_tunnel_tlv_subtlv.vxlan.vnid",
            "bgp.update.encaps_tunnel_tlv_subtlv_lb_block_length",
            "bgp.notify.major_error", "bgp.notify.minor_error_cease", "bgp.route_refresh.afi",
            "bgp.route_refresh.safi", "_ws.malformed", "_ws.expert.message");

    static UpdateMessage update() {
        TunnelEncapsulation te = new TunnelEncapsulation(List.of(
                new TunnelTlv(TunnelTlv.IP_IN_IP, SubTlv.EgressEndpoint.of("2001:db8::1"), new SubTlv.DsField(0xb8)),
                new TunnelTlv(TunnelTlv.GRE, new SubTlv.Encapsulation(Octets.hex("0000abcd")),
                        new SubTlv.ProtocolType(0x0800), SubTlv.EgressEndpoint.of("192.0.2.1")),
                new TunnelTlv(TunnelTlv.VXLAN, new SubTlv.Encapsulation(Octets.hex("80000064 020000000001 0000")),
                        new SubTlv.UdpDestinationPort(4789), SubTlv.EgressEndpoint.nextHop()),
                new TunnelTlv(TunnelTlv.MPLS_IN_UDP, SubTlv.EgressEndpoint.nextHop(), new SubTlv.UdpDestinationPort(6635))));
        return new UpdateMessage(List.of(), List.of(
                new MpReachNlri(AfiSafi.IPV4_UNICAST, "2001:db8::1", List.of(Prefix.parse("198.51.100.0/24"),
                        Prefix.parse("203.0.113.128/25"))),
                new PathAttribute.Origin(PathAttribute.Origin.IGP),
                new AsPath(List.of(AsPathSegment.sequence(65550L))),
                new ExtendedCommunities(List.of(ExtendedCommunity.encapsulation(TunnelTlv.IP_IN_IP))),
                te), List.of());
    }

    @Test
    void tsharkDecodesOurMessagesAsMeantWithNothingMalformed() throws Exception {
        BgpEncoder enc = new BgpEncoder(SessionContext.DEFAULT);
        List<BgpMessage> msgs = List.of(
                OpenMessage.of(65550, 90, "192.0.2.1", List.of(new Capability.Multiprotocol(AfiSafi.IPV4_UNICAST),
                        new Capability.RouteRefresh(),
                        new Capability.ExtendedNextHop(List.of(new Capability.ExtendedNextHop.Entry(1, 1, 2))),
                        new Capability.FourOctetAs(65550))),
                KeepaliveMessage.INSTANCE, update(), new RouteRefreshMessage(AfiSafi.IPV4_UNICAST),
                new NotificationMessage(NotificationMessage.CEASE, 2, Octets.EMPTY));
        TcpPcapWriter w = new TcpPcapWriter();
        msgs.forEach(m -> w.add(enc.encode(m)));
        Path pcap = Path.of("target", "oracle", "our-bgp.pcap").toAbsolutePath();
        w.write(pcap);

        List<Map<String, String>> f = Tshark.fields(pcap, FIELDS);
        assertThat(f).hasSize(5);
        f.forEach(fr -> assertThat(fr.get("_ws.malformed")).as("frame %s: %s", fr.get("frame.number"),
                fr.get("_ws.expert.message")).isEmpty());
        Map<String, String> open = f.get(0);
        assertThat(open.get("bgp.type")).isEqualTo("1");
        assertThat(open.get("bgp.open.myas")).isEqualTo("23456");
        assertThat(open.get("bgp.open.holdtime")).isEqualTo("90");
        assertThat(open.get("bgp.open.identifier")).isEqualTo("192.0.2.1");
        assertThat(open.get("bgp.cap.type")).isEqualTo("1,2,5,65");
        assertThat(open.get("bgp.cap.4as")).isEqualTo("65550");
        assertThat(open.get("bgp.cap.enh.nhafi")).isEqualTo("2");
        assertThat(f.get(1).get("bgp.type")).isEqualTo("4");
        Map<String, String> up = f.get(2);
        assertThat(up.get("bgp.type")).isEqualTo("2");
        assertThat(up.get("bgp.update.path_attribute.type_code")).isEqualTo("14,1,2,16,23");
        assertThat(up.get("bgp.update.path_attribute.mp_reach_nlri.afi")).isEqualTo("1");
        assertThat(up.get("bgp.update.path_attribute.mp_reach_nlri.next_hop.ipv6")).isEqualTo("2001:db8::1");
        assertThat(up.get("bgp.prefix_length")).isEqualTo("24,25");
        assertThat(up.get("bgp.update.encaps_tunnel_tlv_type")).isEqualTo("7,2,8,13");
        assertThat(up.get("bgp.update.encaps_tunnel_subtlv_type")).isEqualTo("6,7,1,2,6,1,8,6,6,8");
        // tshark files both the GRE key (0xabcd) and the Protocol Type (0x0800) under this field
        assertThat(up.get("bgp.update.encaps_tunnel_tlv_subtlv_gre_key")).isEqualTo("43981,2048");
        assertThat(up.get("bgp.update.encaps_tunnel_tlv_subtlv.vxlan.vnid")).isEqualTo("0x000064"); // VNI 100
        assertThat(f.get(3).get("bgp.type")).isEqualTo("5");
        assertThat(f.get(3).get("bgp.route_refresh.afi")).isEqualTo("1");
        assertThat(f.get(3).get("bgp.route_refresh.safi")).isEqualTo("1");
        assertThat(f.get(4).get("bgp.type")).isEqualTo("3");
        assertThat(f.get(4).get("bgp.notify.major_error")).isEqualTo("6");
        assertThat(f.get(4).get("bgp.notify.minor_error_cease")).isEqualTo("2");
    }
}

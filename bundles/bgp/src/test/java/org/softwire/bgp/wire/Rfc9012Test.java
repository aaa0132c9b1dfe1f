package org.softwire.bgp.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.softwire.bgp.wire.Wire.*;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The Tunnel Encapsulation attribute: encodings (rfc-digest §6) and every RFC 9012 §13 / §3.1 rule. */
class Rfc9012Test {
    /** IP-in-IP TLV, Egress Endpoint IPv6 2001:db8::1 (rfc-digest §6). */
    static final String IPIP_V6 = "c0171c 0007 0018 06 16 00000000 0002 20010db8000000000000000000000001";

    static Decoded withAttr(SessionContext ctx, String attr23) {
        return decode(ctx, update("", ORIGIN_ASPATH + attr23 + MP_REACH_V4_V6NH, ""));
    }

    static Decoded withAttr(String attr23) {
        return withAttr(EBGP, attr23);
    }

    static TunnelEncapsulation effective(Decoded d) {
        return d.effective().attribute(TunnelEncapsulation.class).orElseThrow();
    }

    static String attr(String tlvs) {
        int n = hex(tlvs).length;
        return (n > 255 ? "d017" + String.format("%04x", n) : "c017" + String.format("%02x", n)) + tlvs;
    }

    /** A Tunnel TLV with its length computed. */
    static String tlv(int type, String subs) {
        return String.format("%04x%04x", type, hex(subs).length) + subs.replace(" ", "");
    }

    @Test
    void digestVectorIpInIpWithIpv6EndpointEncodesByteExact() {
        TunnelEncapsulation te = new TunnelEncapsulation(List.of(new TunnelTlv(TunnelTlv.IP_IN_IP,
                SubTlv.EgressEndpoint.of("2001:db8::1"))));
        UpdateMessage u = new UpdateMessage(List.of(), List.of(te), List.of());
        byte[] m = new BgpEncoder(EBGP).encode(u);
        assertThat(hex(m).substring(46)).isEqualTo(hex(hex(IPIP_V6)));
    }

    @Test
    void digestVectorEndpointAf0IsTheNextHop() {
        TunnelEncapsulation te = new TunnelEncapsulation(List.of(TunnelTlv.barebones(TunnelTlv.IP_IN_IP)));
        byte[] m = new BgpEncoder(EBGP).encode(new UpdateMessage(List.of(), List.of(te), List.of()));
        assertThat(hex(m).substring(46)).isEqualTo("c0170c000700080606000000000000");
    }

    @Test
    void everySubTlvKindDecodesToItsRecordAndBackByteExact() {
        String tlv = "0002 0000".substring(0, 4); // placeholder replaced below
        String subs = "060a 00000000 0001 c0000201" // egress v4
                + "0104 0000abcd" // GRE key
                + "0202 0800" // protocol type IPv4
                + "0408 030b0000 00000064" // color 100
                + "0502 0018" // LB block 24 bits
                + "0701 b8" // DS
                + "0802 12b5" // UDP 4789
                + "0901 02" // embedded label handling
                + "0a08 00064140 000c81ff" // label stack 100/S0, 200/S1
                + "0b03 010203" // prefix-SID (opaque)
                + "c80003 010203" // unknown type >= 128: 2-octet length
                + "2a01 ff"; // unknown type < 128
        int len = hex(subs).length;
        String a = attr("0002" + String.format("%04x", len) + subs);
        Decoded d = withAttr(a);
        assertThat(d.action()).as(d.problems().toString()).isEqualTo(Action.ACCEPT);
        TunnelTlv t = effective(d).tlvs().get(0);
        assertThat(t.subTlvs()).containsExactly(
                new SubTlv.EgressEndpoint(0, 1, Octets.hex("c0000201")),
                new SubTlv.Encapsulation(Octets.hex("0000abcd")),
                new SubTlv.ProtocolType(0x0800),
                new SubTlv.Color(0, 100),
                new SubTlv.LoadBalancingBlock(24),
                new SubTlv.DsField(0xb8),
                new SubTlv.UdpDestinationPort(4789),
                new SubTlv.EmbeddedLabelHandling(2),
                new SubTlv.MplsLabelStack(List.of(0x00064140L, 0x000c81ffL)),
                new SubTlv.PrefixSid(Octets.hex("010203")),
                new SubTlv.Raw(200, Octets.hex("010203")),
                new SubTlv.Raw(42, Octets.hex("ff")));
        assertThat(((SubTlv.MplsLabelStack) t.subTlvs().get(8)).label(0)).isEqualTo(100);
        byte[] m = update("", ORIGIN_ASPATH + a + MP_REACH_V4_V6NH, "");
        assertThat(hex(new BgpEncoder(EBGP).encode(d.message()))).isEqualTo(hex(m));
        assertThat(hex(new BgpEncoder(EBGP).encode(d.effective()))).isEqualTo(hex(m));
        assertThat(tlv).isEqualTo("0002");
    }

    @Test
    void lastSubTlvNotEndingAtTheTlvEndIsTreatAsWithdraw() {
        // ExaBGP's negative case (peers.md §1b): TLV length 8, 6 octets of sub-TLV
        Decoded d = withAttr("c0170c 0007 0008 06 07 00000000 0000");
        assertThat(d.action()).isEqualTo(Action.TREAT_AS_WITHDRAW);
        assertThat(d.has(BgpErrorReason.TUNNEL_ENCAPSULATION_MALFORMED)).isTrue();
    }

    @Test
    void tlvOverrunningTheAttributeIsTreatAsWithdraw() {
        Decoded d = withAttr("c0170b 0007 0010 06 06 00000000 00");
        assertThat(d.action()).isEqualTo(Action.TREAT_AS_WITHDRAW);
        assertThat(d.problems().get(0).detail()).contains("overruns the attribute");
    }

    @Test
    void twoOctetLengthSubTlvOverrunIsTreatAsWithdraw() {
        Decoded d = withAttr(attr(tlv(7, "06 06 00000000 0000 c8")));
        assertThat(d.action()).isEqualTo(Action.TREAT_AS_WITHDRAW);
    }

    @Test
    void notTransitiveIsTreatAsWithdraw() {
        Decoded d = withAttr("80170c 0007 0008 06 06 00000000 0000");
        assertThat(d.action()).isEqualTo(Action.TREAT_AS_WITHDRAW);
        assertThat(d.has(BgpErrorReason.TUNNEL_ENCAPSULATION_NOT_TRANSITIVE)).isTrue();
    }

    @Test
    void zeroLengthAttributeIsTreatAsWithdraw() {
        assertThat(withAttr("c01700").has(BgpErrorReason.TUNNEL_ENCAPSULATION_MALFORMED)).isTrue();
    }

    @Test
    void noValidTlvIsTreatAsWithdraw() {
        Decoded d = withAttr("c01704 0007 0000");
        assertThat(d.action()).isEqualTo(Action.TREAT_AS_WITHDRAW);
        assertThat(d.has(BgpErrorReason.TUNNEL_ENCAPSULATION_NO_VALID_TLV)).isTrue();
    }

    @Test
    void unknownTunnelTypeIsNotMalformedAndIsKept() {
        Decoded d = withAttr("c0170c 0063 0008 06 06 00000000 0000");
        assertThat(d.action()).isEqualTo(Action.ACCEPT);
        assertThat(effective(d).tlvs()).extracting(TunnelTlv::tunnelType).containsExactly(99);
    }

    @Test
    void malformedSubTlvIsTreatedAsUnrecognizedAndKept() {
        // UDP port 0 (§3.3.2) and a 4-octet Color (tshark's misreading, §3.4.2)
        Decoded d = withAttr(attr(tlv(8, "06 06 00000000 0000 0802 0000 0404 00000064 0902 0101")));
        assertThat(d.action()).isEqualTo(Action.ACCEPT);
        List<SubTlv> subs = effective(d).tlvs().get(0).subTlvs();
        assertThat(subs.subList(1, 4)).allMatch(s -> s instanceof SubTlv.Raw r && r.malformed());
        assertThat(d.problems()).filteredOn(p -> p.reason() == BgpErrorReason.TUNNEL_SUB_TLV_MALFORMED).hasSize(3);
    }

    @Test
    void malformedEgressEndpointRemovesTheTlvOnly() {
        // TLV 1: IPv4 endpoint with length 9; TLV 2: good
        Decoded d = withAttr(attr("0002 000b 06 09 00000000 0001 c00002" + "0007 0008 06 06 00000000 0000"));
        assertThat(d.action()).isEqualTo(Action.ACCEPT);
        assertThat(effective(d).tlvs()).extracting(TunnelTlv::tunnelType).containsExactly(7);
        assertThat(d.has(BgpErrorReason.TUNNEL_TLV_BAD_EGRESS_ENDPOINT)).isTrue();
    }

    @Test
    void missingEgressEndpointOnUnicastRemovesTheTlv() {
        Decoded d = withAttr(attr("0002 0006 0104 0000abcd" + "0007 0008 06 06 00000000 0000"));
        assertThat(effective(d).tlvs()).extracting(TunnelTlv::tunnelType).containsExactly(7);
    }

    @Test
    void twoEgressEndpointsOnUnicastRemoveTheTlv() {
        Decoded d = withAttr(attr("0002 0010 0606 00000000 0000 0606 00000000 0000" + "0007 0008 0606 00000000 0000"));
        assertThat(effective(d).tlvs()).hasSize(1);
        assertThat(d.has(BgpErrorReason.TUNNEL_SUB_TLV_REPEATED)).isTrue();
    }

    @Test
    void onTheEncapsulationSafiEndpointIsOptionalAndTheFirstOfRepeatsIsUsed() {
        String mpEncap = "800e0e 0001 07 04 c0000201 00 20c0000209";
        String te = attr(tlv(2, "0104 0000abcd 0104 00001111 060a 00000000 0001 c0000201"));
        Decoded d = decode(EBGP, update("", ORIGIN_ASPATH + te + mpEncap, ""));
        assertThat(d.action()).as(d.problems().toString()).isEqualTo(Action.ACCEPT);
        TunnelTlv t = effective(d).tlvs().get(0);
        assertThat(t.first(SubTlv.Encapsulation.class).orElseThrow().value()).isEqualTo(Octets.hex("0000abcd"));
        assertThat(t.subTlvs()).hasSize(3); // all propagated
        Decoded noEndpoint = decode(EBGP, update("", ORIGIN_ASPATH + attr(tlv(2, "0104 0000abcd")) + mpEncap, ""));
        assertThat(noEndpoint.action()).isEqualTo(Action.ACCEPT);
    }

    @Test
    void unrecognizedEndpointAddressFamilyCountsAsAbsent() {
        // AF 25 (L2VPN): unrecognized, so the TLV has no endpoint → removed on unicast
        Decoded d = withAttr(attr("0002 0008 0606 00000000 0019" + "0007 0008 0606 00000000 0000"));
        assertThat(effective(d).tlvs()).extracting(TunnelTlv::tunnelType).containsExactly(7);
    }

    @Test
    void specialPurposeEndpointIsMalformedUnlessRelaxed() {
        String loop = attr("0007 000c 060a 00000000 0001 7f000001" + "");
        assertThat(withAttr(loop).has(BgpErrorReason.TUNNEL_ENCAPSULATION_NO_VALID_TLV)).isTrue();
        String doc = IPIP_V6;
        SessionContext strict = EBGP.withEndpointCheck(SessionContext.EndpointCheck.STRICT);
        assertThat(withAttr(strict, doc).action()).isEqualTo(Action.TREAT_AS_WITHDRAW);
        assertThat(withAttr(EBGP, doc).action()).isEqualTo(Action.ACCEPT);
        assertThat(withAttr(EBGP.withEndpointCheck(SessionContext.EndpointCheck.OFF), loop).action())
                .isEqualTo(Action.ACCEPT);
        String linkLocal = "c0171c 0007 0018 06 16 00000000 0002 fe800000000000000000000000000001";
        assertThat(withAttr(linkLocal).action()).isEqualTo(Action.TREAT_AS_WITHDRAW);
    }

    @Test
    void reservedFieldOfTheEndpointIsKeptUnchanged() {
        Decoded d = withAttr("c0170c 0007 0008 06 06 deadbeef 0000");
        SubTlv.EgressEndpoint e = effective(d).tlvs().get(0).first(SubTlv.EgressEndpoint.class).orElseThrow();
        assertThat(e.reserved()).isEqualTo(0xdeadbeefL);
        assertThat(e.value()).isEqualTo(Octets.hex("deadbeef0000"));
    }

    @Test
    void protocolTypeAndColorMayRepeat() {
        Decoded d = withAttr(attr(tlv(7, "0606 00000000 0000 0202 0800 0202 86dd"
                + "0408 030b0000 00000001 0408 030b0000 00000002")));
        assertThat(d.problems()).isEmpty();
        TunnelTlv t = effective(d).tlvs().get(0);
        assertThat(t.all(SubTlv.ProtocolType.class)).hasSize(2);
        assertThat(t.all(SubTlv.Color.class)).extracting(SubTlv.Color::color).containsExactly(1L, 2L);
    }

    @Test
    void extendedLengthAttributeOver255OctetsRoundTrips() {
        StringBuilder tlvs = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            tlvs.append(tlv(7, "0606 00000000 0000 0202 0800 0202 86dd"));
        }
        String a = attr(tlvs.toString());
        assertThat(a).startsWith("d017");
        Decoded d = withAttr(a);
        assertThat(d.action()).isEqualTo(Action.ACCEPT);
        assertThat(effective(d).tlvs()).hasSize(20);
        byte[] m = update("", ORIGIN_ASPATH + a + MP_REACH_V4_V6NH, "");
        assertThat(hex(new BgpEncoder(EBGP).encode(d.message()))).isEqualTo(hex(m));
    }

    @Test
    void encapsulationAndColorExtendedCommunities() {
        ExtendedCommunity e = ExtendedCommunity.encapsulation(TunnelTlv.VXLAN);
        assertThat(String.format("%016x", e.value())).isEqualTo("030c000000000008");
        assertThat(e.isEncapsulation()).isTrue();
        ExtendedCommunity c = ExtendedCommunity.color(0, 100);
        assertThat(c.toString()).isEqualTo("030b000000000064");
        Decoded d = decode(EBGP, update("", BASE + "c01010 030c000000000007 030b000000000064", NLRI));
        assertThat(d.effective().attribute(ExtendedCommunities.class).orElseThrow().communities())
                .containsExactly(ExtendedCommunity.encapsulation(7), ExtendedCommunity.color(0, 100));
    }
}

package org.softwire.bgp.internal;

import java.util.ArrayList;
import java.util.List;
import org.softwire.bgp.wire.AfiSafi;
import org.softwire.bgp.wire.ExtendedCommunity;
import org.softwire.bgp.wire.Octets;
import org.softwire.bgp.wire.SubTlv;

/**
 * One sub-TLV value into its record [RFC 9012 §3]. A malformed known sub-TLV becomes a {@link SubTlv.Raw} with
 * the reason: it is then treated as unrecognized and kept [§13] (the Egress Endpoint exception is applied by
 * {@link TunnelTlvValidator}).
 */
final class SubTlvParser {
    private SubTlvParser() {
    }

    static SubTlv parse(int type, byte[] b, int o, int len) {
        Octets raw = Octets.of(b, o, len);
        return switch (type) {
            case SubTlv.ENCAPSULATION -> new SubTlv.Encapsulation(raw);
            case SubTlv.PROTOCOL_TYPE -> len == 2 ? new SubTlv.ProtocolType(Wire.u16(b, o))
                    : bad(type, raw, "Protocol Type length " + len + " != 2");
            case SubTlv.COLOR -> len == 8 && Wire.u16(b, o) == ExtendedCommunity.COLOR
                    ? new SubTlv.Color(Wire.u16(b, o + 2), Wire.u32(b, o + 4))
                    : bad(type, raw, "Color sub-TLV is not an 8-octet Color extended community (§3.4.2)");
            case SubTlv.LOAD_BALANCING_BLOCK -> len == 2 ? new SubTlv.LoadBalancingBlock(Wire.u16(b, o))
                    : bad(type, raw, "Load-Balancing Block length " + len + " != 2");
            case SubTlv.TUNNEL_EGRESS_ENDPOINT -> egress(b, o, len, raw);
            case SubTlv.DS_FIELD -> len == 1 ? new SubTlv.DsField(Wire.u8(b, o))
                    : bad(type, raw, "DS Field length " + len + " != 1");
            case SubTlv.UDP_DESTINATION_PORT -> len != 2 ? bad(type, raw, "UDP Destination Port length " + len + " != 2")
                    : Wire.u16(b, o) == 0 ? bad(type, raw, "UDP Destination Port 0 (§3.3.2)")
                    : new SubTlv.UdpDestinationPort(Wire.u16(b, o));
            case SubTlv.EMBEDDED_LABEL_HANDLING -> len != 1 ? bad(type, raw, "Embedded Label Handling length " + len)
                    : Wire.u8(b, o) == 1 || Wire.u8(b, o) == 2 ? new SubTlv.EmbeddedLabelHandling(Wire.u8(b, o))
                    : bad(type, raw, "Embedded Label Handling value " + Wire.u8(b, o) + " (§3.5: 1 or 2)");
            case SubTlv.MPLS_LABEL_STACK -> labelStack(b, o, len, raw);
            case SubTlv.PREFIX_SID -> new SubTlv.PrefixSid(raw);
            default -> new SubTlv.Raw(type, raw);
        };
    }

    private static SubTlv bad(int type, Octets raw, String why) {
        return new SubTlv.Raw(type, raw, why);
    }

    /** §3.1: length 6 + address length of the family; AF other than 0/1/2 is unrecognized, not malformed. */
    private static SubTlv egress(byte[] b, int o, int len, Octets raw) {
        if (len < 6) {
            return bad(SubTlv.TUNNEL_EGRESS_ENDPOINT, raw, "Tunnel Egress Endpoint length " + len + " < 6");
        }
        int af = Wire.u16(b, o + 4);
        int alen = af == 0 ? 0 : AfiSafi.addressLength(af);
        if (alen < 0) {
            return bad(SubTlv.TUNNEL_EGRESS_ENDPOINT, raw, unrecognizedAf(af));
        }
        if (len != 6 + alen) {
            return bad(SubTlv.TUNNEL_EGRESS_ENDPOINT, raw,
                    "Tunnel Egress Endpoint length " + len + " != " + (6 + alen) + " for address family " + af);
        }
        return new SubTlv.EgressEndpoint(Wire.u32(b, o), af, Octets.of(b, o + 6, alen));
    }

    static String unrecognizedAf(int af) {
        return "Tunnel Egress Endpoint address family " + af + " unrecognized";
    }

    private static SubTlv labelStack(byte[] b, int o, int len, Octets raw) {
        if (len == 0 || len % 4 != 0) {
            return bad(SubTlv.MPLS_LABEL_STACK, raw, "MPLS Label Stack length " + len + " not a non-zero multiple of 4");
        }
        List<Long> e = new ArrayList<>(len / 4);
        for (int i = 0; i < len; i += 4) {
            e.add(Wire.u32(b, o + i));
        }
        return new SubTlv.MplsLabelStack(e);
    }
}

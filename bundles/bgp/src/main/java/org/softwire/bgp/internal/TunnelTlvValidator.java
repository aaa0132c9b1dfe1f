package org.softwire.bgp.internal;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.softwire.bgp.wire.AfiSafi;
import org.softwire.bgp.wire.BgpErrorReason;
import org.softwire.bgp.wire.PathAttribute;
import org.softwire.bgp.wire.SessionContext.EndpointCheck;
import org.softwire.bgp.wire.SubTlv;
import org.softwire.bgp.wire.TunnelEncapsulation;
import org.softwire.bgp.wire.TunnelTlv;

/**
 * RFC 9012 §13 checks that depend on the UPDATE's family and the session: the Tunnel Egress Endpoint rules
 * (§3.1: malformed or, on the §6 families, not exactly one → the TLV is ignored and removed), repeated
 * single-occurrence sub-TLVs (first one used) and malformed sub-TLVs (treated as unrecognized).
 */
public final class TunnelTlvValidator {
    /** Sub-TLV types that must occur at most once per TLV [§13]. */
    private static final int[] SINGLE = {SubTlv.TUNNEL_EGRESS_ENDPOINT, SubTlv.ENCAPSULATION, SubTlv.DS_FIELD,
        SubTlv.UDP_DESTINATION_PORT, SubTlv.EMBEDDED_LABEL_HANDLING, SubTlv.MPLS_LABEL_STACK, SubTlv.PREFIX_SID};

    private TunnelTlvValidator() {
    }

    /**
     * Why the TLV must be ignored and removed, or null if its egress endpoint is usable.
     *
     * @param endpointRequired the UPDATE is of a family of RFC 9012 §6 (see {@link AfiSafi#isRfc9012Family()})
     */
    public static String egressProblem(TunnelTlv tlv, boolean endpointRequired, EndpointCheck check) {
        List<SubTlv> endpoints = new ArrayList<>();
        for (SubTlv s : tlv.subTlvs()) {
            if (s.type() == SubTlv.TUNNEL_EGRESS_ENDPOINT && !unrecognizedAf(s)) {
                endpoints.add(s);
            }
        }
        if (endpointRequired && endpoints.size() != 1) {
            return "has " + endpoints.size() + " Tunnel Egress Endpoint sub-TLVs, exactly one is required (§3.1)";
        }
        for (SubTlv s : endpoints) {
            if (s instanceof SubTlv.Raw r) {
                return "malformed Tunnel Egress Endpoint: " + r.problem();
            }
            SubTlv.EgressEndpoint e = (SubTlv.EgressEndpoint) s;
            if (e.addressFamily() != 0 && SpecialPurposeAddresses.forbidden(e.address().toByteArray(), check)) {
                return "Tunnel Egress Endpoint " + e + " is a special-purpose address (RFC 6890)";
            }
        }
        return null;
    }

    /** An Egress Endpoint with an address family other than 0, IPv4, IPv6 is "unrecognized" [§3.1]. */
    static boolean unrecognizedAf(SubTlv s) {
        if (!(s instanceof SubTlv.Raw r) || r.value().length() < 6) {
            return false;
        }
        int af = r.value().get(4) << 8 | r.value().get(5);
        return af != 0 && AfiSafi.addressLength(af) < 0;
    }

    /** Applies the checks, records problems and returns the TLVs to ignore (and remove on propagation). */
    static BitSet validate(TunnelEncapsulation attr, boolean endpointRequired, EndpointCheck check,
            Problems problems) {
        BitSet ignored = new BitSet();
        List<TunnelTlv> tlvs = attr.tlvs();
        for (int i = 0; i < tlvs.size(); i++) {
            TunnelTlv tlv = tlvs.get(i);
            int[] seen = new int[256];
            for (SubTlv s : tlv.subTlvs()) {
                if (s instanceof SubTlv.Raw r && r.malformed()) {
                    problems.add(BgpErrorReason.TUNNEL_SUB_TLV_MALFORMED, PathAttribute.TUNNEL_ENCAPSULATION,
                            "TLV " + i + " (type " + tlv.tunnelType() + "): " + r.problem() + "; ignored, kept", null);
                }
                if (++seen[s.type()] == 2 && single(s.type())) {
                    problems.add(BgpErrorReason.TUNNEL_SUB_TLV_REPEATED, PathAttribute.TUNNEL_ENCAPSULATION,
                            "TLV " + i + " (type " + tlv.tunnelType() + "): sub-TLV " + s.type()
                                    + " repeated; the first is used", null);
                }
            }
            String why = egressProblem(tlv, endpointRequired, check);
            if (why != null) {
                ignored.set(i);
                problems.add(BgpErrorReason.TUNNEL_TLV_BAD_EGRESS_ENDPOINT, PathAttribute.TUNNEL_ENCAPSULATION,
                        "TLV " + i + " (type " + tlv.tunnelType() + ") ignored and removed: " + why, null);
            }
        }
        return ignored;
    }

    private static boolean single(int type) {
        for (int t : SINGLE) {
            if (t == type) {
                return true;
            }
        }
        return false;
    }
}

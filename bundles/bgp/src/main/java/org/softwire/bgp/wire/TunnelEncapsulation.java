package org.softwire.bgp.wire;

import java.util.List;
import java.util.function.Predicate;

/**
 * TUNNEL_ENCAPSULATION (23) [RFC 9012 §2]: optional transitive, a sequence of Tunnel TLVs. TLV order carries no
 * meaning; several TLVs of one tunnel type are different tunnels [§6]. Unknown TLVs and sub-TLVs are kept so
 * that the attribute propagates unchanged [§13].
 */
public record TunnelEncapsulation(int flags, List<TunnelTlv> tlvs) implements PathAttribute {

    public TunnelEncapsulation {
        tlvs = List.copyOf(tlvs);
    }

    public TunnelEncapsulation(List<TunnelTlv> tlvs) {
        this(OPTIONAL_TRANSITIVE, tlvs);
    }

    /** The attribute without the TLVs that {@code remove} selects (RFC 9012 §13: TLVs with a bad egress endpoint). */
    public TunnelEncapsulation without(Predicate<TunnelTlv> remove) {
        return new TunnelEncapsulation(flags, tlvs.stream().filter(remove.negate()).toList());
    }

    @Override
    public int typeCode() {
        return TUNNEL_ENCAPSULATION;
    }
}

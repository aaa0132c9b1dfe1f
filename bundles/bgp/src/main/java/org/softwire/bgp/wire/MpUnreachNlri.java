package org.softwire.bgp.wire;

import java.util.List;

/** MP_UNREACH_NLRI [RFC 4760 §4]: {@code |AFI (2)|SAFI (1)|Withdrawn Routes|}. */
public record MpUnreachNlri(int flags, int afi, int safi, List<Prefix> withdrawn) implements PathAttribute {

    public MpUnreachNlri {
        withdrawn = List.copyOf(withdrawn);
    }

    public MpUnreachNlri(AfiSafi family, List<Prefix> withdrawn) {
        this(OPTIONAL, family.afi(), family.safi(), withdrawn);
    }

    public AfiSafi family() {
        return new AfiSafi(afi, safi);
    }

    @Override
    public int typeCode() {
        return MP_UNREACH_NLRI;
    }
}

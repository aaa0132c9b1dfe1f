package org.softwire.bgp.wire;

import java.util.List;

/** EXTENDED_COMMUNITIES (16) [RFC 4360]: optional transitive, a list of 8-octet communities. */
public record ExtendedCommunities(int flags, List<ExtendedCommunity> communities) implements PathAttribute {

    public ExtendedCommunities {
        communities = List.copyOf(communities);
    }

    public ExtendedCommunities(List<ExtendedCommunity> communities) {
        this(OPTIONAL_TRANSITIVE, communities);
    }

    @Override
    public int typeCode() {
        return EXTENDED_COMMUNITIES;
    }
}

package org.softwire.bgp.wire;

import java.util.List;

/**
 * MP_REACH_NLRI [RFC 4760 §3]: {@code |AFI (2)|SAFI (1)|NH length (1)|Next Hop|Reserved (1)|NLRI|}. The next hop
 * is kept as octets: 4 (IPv4), 16 or 32 (IPv6 global [+ link-local], also IPv4 NLRI per RFC 8950 §3), an
 * IPv4-mapped IPv6 address for IPv6 NLRI over IPv4 (RFC 4798).
 */
public record MpReachNlri(int flags, int afi, int safi, Octets nextHop, int reserved, List<Prefix> nlri)
        implements PathAttribute {

    public MpReachNlri {
        nlri = List.copyOf(nlri);
    }

    public MpReachNlri(AfiSafi family, String nextHop, List<Prefix> nlri) {
        this(OPTIONAL, family.afi(), family.safi(), Octets.of(Addresses.literal(nextHop)), 0, nlri);
    }

    public AfiSafi family() {
        return new AfiSafi(afi, safi);
    }

    /** The (global) next hop: 4 or 16 octets (the RD of a VPN next hop and a link-local address left out). */
    public Octets globalNextHop() {
        return switch (nextHop.length()) {
            case 12 -> Octets.of(nextHop.toByteArray(), 8, 4);
            case 24, 48 -> Octets.of(nextHop.toByteArray(), 8, 16); // RFC 8950 §3: RD (8) + IPv6
            case 32 -> Octets.of(nextHop.toByteArray(), 0, 16);
            default -> nextHop;
        };
    }

    /** The address family of the next hop (AFI 1 or 2) as the length tells it [RFC 8950 §3], or -1. */
    public int nextHopAfi() {
        return switch (nextHop.length()) {
            case 4, 12 -> AfiSafi.AFI_IPV4;
            case 16, 32, 24, 48 -> AfiSafi.AFI_IPV6;
            default -> -1;
        };
    }

    @Override
    public int typeCode() {
        return MP_REACH_NLRI;
    }

    @Override
    public String toString() {
        return "MpReachNlri[" + family() + " nh " + nextHop + " " + nlri + "]";
    }
}

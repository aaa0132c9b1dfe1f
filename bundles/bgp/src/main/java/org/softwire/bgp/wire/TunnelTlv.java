package org.softwire.bgp.wire;

import java.util.List;
import java.util.Optional;

/**
 * One Tunnel TLV [RFC 9012 §2]: {@code |Tunnel Type (2)|Length (2)|sub-TLVs|}. Tunnel types: 1 L2TPv3 over IP,
 * 2 GRE, 7 IP in IP, 8 VXLAN, 9 NVGRE, 10 MPLS, 11 MPLS in GRE, 12 VXLAN-GPE, 13 MPLS in UDP [§3.2, IANA].
 */
public record TunnelTlv(int tunnelType, List<SubTlv> subTlvs) {
    public static final int L2TPV3_OVER_IP = 1;
    public static final int GRE = 2;
    public static final int IP_IN_IP = 7;
    public static final int VXLAN = 8;
    public static final int NVGRE = 9;
    public static final int MPLS = 10;
    public static final int MPLS_IN_GRE = 11;
    public static final int VXLAN_GPE = 12;
    public static final int MPLS_IN_UDP = 13;

    public TunnelTlv {
        subTlvs = List.copyOf(subTlvs);
        if (tunnelType < 0 || tunnelType > 0xffff) {
            throw new IllegalArgumentException("tunnel type is 2 octets: " + tunnelType);
        }
    }

    public TunnelTlv(int tunnelType, SubTlv... subTlvs) {
        this(tunnelType, List.of(subTlvs));
    }

    /**
     * The TLV an Encapsulation extended community stands for [RFC 9012 §4.1]: the tunnel type with a Tunnel
     * Egress Endpoint of address family 0 (the next hop) and no other sub-TLV.
     */
    public static TunnelTlv barebones(int tunnelType) {
        return new TunnelTlv(tunnelType, SubTlv.EgressEndpoint.nextHop());
    }

    /** The first sub-TLV of a class [RFC 9012 §13: later ones of a single-occurrence type are disregarded]. */
    public <T extends SubTlv> Optional<T> first(Class<T> type) {
        return subTlvs.stream().filter(type::isInstance).map(type::cast).findFirst();
    }

    /** Every sub-TLV of a class, in order (Protocol Type and Color may repeat, §13). */
    public <T extends SubTlv> List<T> all(Class<T> type) {
        return subTlvs.stream().filter(type::isInstance).map(type::cast).toList();
    }

    /** Octets of the value (the sub-TLVs with their headers). */
    public int valueLength() {
        return subTlvs.stream().mapToInt(SubTlv::wireLength).sum();
    }
}

package org.softwire.bgp.wire;

/** An address family (AFI, RFC 4760 §3) and subsequent address family (SAFI). */
public record AfiSafi(int afi, int safi) {
    public static final int AFI_IPV4 = 1;
    public static final int AFI_IPV6 = 2;
    public static final int AFI_L2VPN = 25;
    public static final int SAFI_UNICAST = 1;
    public static final int SAFI_MULTICAST = 2;
    public static final int SAFI_LABELED = 4;
    /** The Encapsulation SAFI of RFC 5512 (deprecated by RFC 9012 §14.5, still spoken by GoBGP). */
    public static final int SAFI_ENCAPSULATION = 7;
    public static final int SAFI_EVPN = 70;
    public static final int SAFI_VPN = 128;
    public static final int SAFI_VPN_MULTICAST = 129;

    public static final AfiSafi IPV4_UNICAST = new AfiSafi(AFI_IPV4, SAFI_UNICAST);
    public static final AfiSafi IPV6_UNICAST = new AfiSafi(AFI_IPV6, SAFI_UNICAST);
    public static final AfiSafi IPV4_ENCAPSULATION = new AfiSafi(AFI_IPV4, SAFI_ENCAPSULATION);
    public static final AfiSafi IPV6_ENCAPSULATION = new AfiSafi(AFI_IPV6, SAFI_ENCAPSULATION);

    public AfiSafi {
        if (afi < 0 || afi > 0xffff || safi < 0 || safi > 0xff) {
            throw new IllegalArgumentException("AFI 0..65535 and SAFI 0..255: " + afi + "/" + safi);
        }
    }

    /** Octets of one address of this AFI (4 or 16), or -1 for other families. */
    public static int addressLength(int afi) {
        return afi == AFI_IPV4 ? 4 : afi == AFI_IPV6 ? 16 : -1;
    }

    /**
     * The AFI/SAFIs on which RFC 9012 §6 (first paragraph) defines the attribute; on these each Tunnel TLV must
     * carry exactly one Tunnel Egress Endpoint sub-TLV (RFC 9012 §3.1, §13).
     */
    public boolean isRfc9012Family() {
        return (afi == AFI_IPV4 || afi == AFI_IPV6) && (safi == SAFI_UNICAST || safi == SAFI_LABELED || safi == SAFI_VPN)
                || afi == AFI_L2VPN && safi == SAFI_EVPN;
    }

    @Override
    public String toString() {
        return afi + "/" + safi;
    }
}

package org.softwire.bgp.wire;

/** ROUTE-REFRESH [RFC 2918 §3]: {@code |AFI (2)|Reserved (1)|SAFI (1)|}; reserved sent 0, ignored on receipt. */
public record RouteRefreshMessage(int afi, int reserved, int safi) implements BgpMessage {

    public RouteRefreshMessage {
        if (afi < 0 || afi > 0xffff || reserved < 0 || reserved > 0xff || safi < 0 || safi > 0xff) {
            throw new IllegalArgumentException("ROUTE-REFRESH fields out of range");
        }
    }

    public RouteRefreshMessage(AfiSafi family) {
        this(family.afi(), 0, family.safi());
    }

    public AfiSafi family() {
        return new AfiSafi(afi, safi);
    }

    @Override
    public int type() {
        return TYPE_ROUTE_REFRESH;
    }
}

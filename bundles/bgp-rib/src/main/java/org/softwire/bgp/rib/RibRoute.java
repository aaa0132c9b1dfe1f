package org.softwire.bgp.rib;

import java.util.List;
import org.softwire.bgp.wire.AfiSafi;
import org.softwire.bgp.wire.Octets;
import org.softwire.bgp.wire.PathAttribute;
import org.softwire.bgp.wire.Prefix;

/**
 * One path of the Loc-RIB as consumers see it (after import policy).
 *
 * @param family the route's AFI/SAFI
 * @param prefix the prefix (host bits cleared)
 * @param peer the peer it was learned from, or {@link #LOCAL} for a route this speaker originates
 * @param nextHop the next hop, 4 or 16 octets (empty for a local route: the session's address is used)
 * @param attributes path attributes without NEXT_HOP, MP_REACH_NLRI and MP_UNREACH_NLRI
 * @param best whether the decision process chose this path
 */
public record RibRoute(AfiSafi family, Prefix prefix, String peer, Octets nextHop, List<PathAttribute> attributes,
        boolean best) {
    /** The peer name of locally originated routes. */
    public static final String LOCAL = "local";

    public <T extends PathAttribute> java.util.Optional<T> attribute(Class<T> type) {
        return attributes.stream().filter(type::isInstance).map(type::cast).findFirst();
    }
}

package org.softwire.bgp.tunnel;

import java.util.function.Predicate;
import org.softwire.bgp.wire.AfiSafi;
import org.softwire.bgp.wire.Octets;
import org.softwire.bgp.wire.SessionContext.EndpointCheck;

/**
 * What feasibility needs to know about a route [RFC 9012 §6]: its family, its next hop (the endpoint when the
 * Egress Endpoint has address family 0), the payload it will carry, and which endpoints are reachable.
 *
 * @param family the route's AFI/SAFI
 * @param nextHop the route's next hop, 4 or 16 octets
 * @param payloadEtherType 0x0800 for IPv4 packets, 0x86DD IPv6, 0x8847 MPLS
 * @param reachable whether an endpoint address (4 or 16 octets) is reachable
 * @param endpointCheck the special-purpose address policy (§3.1)
 */
public record RouteContext(AfiSafi family, Octets nextHop, int payloadEtherType, Predicate<Octets> reachable,
        EndpointCheck endpointCheck) {
    public static final int IPV4 = 0x0800;
    public static final int IPV6 = 0x86DD;
    public static final int MPLS = 0x8847;
}

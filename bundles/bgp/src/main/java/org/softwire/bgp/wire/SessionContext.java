package org.softwire.bgp.wire;

import java.util.Set;

/**
 * What the session negotiated and how strict the decoder is. ADD-PATH (RFC 7911) is not supported: NLRI never
 * carry path identifiers.
 *
 * @param fourOctetAs both speakers sent the 4-octet AS capability [RFC 6793 §4.1]: AS_PATH and AGGREGATOR carry
 *        4-octet ASNs, AS4_PATH / AS4_AGGREGATOR are discarded on receipt
 * @param ibgp the peer is in our AS (LOCAL_PREF mandatory; from EBGP it is discarded, RFC 7606 §7.5)
 * @param extendedNextHop families for which IPv6 next hops on IPv4 NLRI were negotiated [RFC 8950 §4]
 * @param endpointCheck how Tunnel Egress Endpoint addresses are checked [RFC 9012 §3.1]
 */
public record SessionContext(boolean fourOctetAs, boolean ibgp, Set<AfiSafi> extendedNextHop,
        EndpointCheck endpointCheck) {

    /** Which special-purpose addresses make a Tunnel Egress Endpoint malformed [RFC 9012 §3.1, RFC 6890]. */
    public enum EndpointCheck {
        /** Every RFC 6890 block with destination or forwardable false (and multicast) is malformed. */
        STRICT,
        /**
         * As STRICT, but the documentation blocks (192.0.2.0/24, 198.51.100.0/24, 203.0.113.0/24, 2001:db8::/32) are
         * permitted: the "explicit configuration" relaxation of §3.1 for labs and tests.
         */
        ALLOW_DOCUMENTATION,
        /** No address check (only the length and address family rules). */
        OFF
    }

    /** 4-octet AS, EBGP, extended next hop for IPv4 unicast and IPv4 encapsulation, strict endpoint check. */
    public static final SessionContext DEFAULT = new SessionContext(true, false,
            Set.of(AfiSafi.IPV4_UNICAST, AfiSafi.IPV4_ENCAPSULATION), EndpointCheck.STRICT);

    public SessionContext {
        extendedNextHop = Set.copyOf(extendedNextHop);
    }

    public SessionContext withFourOctetAs(boolean v) {
        return new SessionContext(v, ibgp, extendedNextHop, endpointCheck);
    }

    public SessionContext withIbgp(boolean v) {
        return new SessionContext(fourOctetAs, v, extendedNextHop, endpointCheck);
    }

    public SessionContext withExtendedNextHop(Set<AfiSafi> v) {
        return new SessionContext(fourOctetAs, ibgp, v, endpointCheck);
    }

    public SessionContext withEndpointCheck(EndpointCheck v) {
        return new SessionContext(fourOctetAs, ibgp, extendedNextHop, v);
    }
}

package org.softwire.bgp.speaker;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.softwire.bgp.wire.AfiSafi;

/**
 * A snapshot of one configured peer.
 *
 * @param name configured name
 * @param address the peer's address
 * @param remoteAs configured peer AS
 * @param passive only accepts connections
 * @param state FSM state (of the most advanced connection when two collide)
 * @param establishedSinceMillis epoch milliseconds when the session reached Established, 0 when not Established
 * @param remoteRouterId the peer's BGP Identifier (dotted quad) from its last OPEN, "" before one
 * @param holdTime negotiated hold time in seconds (0 before Established or when negotiated to 0)
 * @param keepalive keepalive interval in seconds in use
 * @param families negotiated families (empty when not Established)
 * @param extendedNextHop families with negotiated IPv6 next hops [RFC 8950]
 * @param routeRefresh the peer supports ROUTE-REFRESH [RFC 2918]
 * @param fourOctetAs 4-octet AS numbers negotiated [RFC 6793]
 * @param received messages received by type name (open, update, notification, keepalive, route-refresh)
 * @param sent messages sent by type name
 * @param prefixes prefixes currently received per family (announced minus withdrawn, as counted from UPDATEs)
 * @param rfc7606 UPDATE actions other than accept, by action label (treat-as-withdraw, attribute-discard,
 *        session-reset)
 * @param establishedTransitions how often the session reached Established
 * @param lastError the last NOTIFICATION sent or received or the last connection error, "" if none
 * @param gtsm whether GTSM [RFC 5082] is configured
 * @param maxPrefixes configured maximum, 0 for none
 */
public record PeerStatus(String name, String address, long remoteAs, boolean passive, PeerState state,
        long establishedSinceMillis, String remoteRouterId, int holdTime, int keepalive, Set<AfiSafi> families,
        Set<AfiSafi> extendedNextHop, boolean routeRefresh, boolean fourOctetAs, Map<String, Long> received,
        Map<String, Long> sent, Map<AfiSafi, Integer> prefixes, Map<String, Long> rfc7606,
        long establishedTransitions, String lastError, boolean gtsm, int maxPrefixes) {

    /** Message type names in the order of their codes 1..5. */
    public static final List<String> MESSAGE_TYPES = List.of("open", "update", "notification", "keepalive",
            "route-refresh");

    public PeerStatus {
        families = Set.copyOf(families);
        extendedNextHop = Set.copyOf(extendedNextHop);
        received = Map.copyOf(received);
        sent = Map.copyOf(sent);
        prefixes = Map.copyOf(prefixes);
        rfc7606 = Map.copyOf(rfc7606);
    }

    /** Total prefixes over all families. */
    public int totalPrefixes() {
        return prefixes.values().stream().mapToInt(Integer::intValue).sum();
    }
}

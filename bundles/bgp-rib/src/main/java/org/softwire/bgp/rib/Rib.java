package org.softwire.bgp.rib;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;
import org.softwire.bgp.wire.AfiSafi;
import org.softwire.bgp.wire.PathAttribute;
import org.softwire.bgp.wire.Prefix;

/** The RIB service: read the Loc-RIB, follow its changes, originate routes. */
@ProviderType
public interface Rib {
    /** Every path of a family in the Loc-RIB (best ones flagged), sorted by prefix; {@code bestOnly} drops the others. */
    List<RibRoute> routes(AfiSafi family, boolean bestOnly);

    /** The best path of one prefix. */
    Optional<RibRoute> best(AfiSafi family, Prefix prefix);

    /** Longest-prefix match of an address (4 or 16 octets) among the best paths of a family. */
    Optional<RibRoute> lookup(AfiSafi family, byte[] address);

    /** Prefixes in the Loc-RIB per family. */
    Map<AfiSafi, Integer> locRibCounts();

    /** Per established peer: prefixes received (Adj-RIB-In, before policy) per family. */
    Map<String, Map<AfiSafi, Integer>> adjRibInCounts();

    /** Per established peer: prefixes advertised (Adj-RIB-Out) per family. */
    Map<String, Map<AfiSafi, Integer>> adjRibOutCounts();

    /**
     * Adds a listener; it is first told of every current best path (one call), then of each change. Closing the
     * handle removes it.
     */
    AutoCloseable addListener(LocRibListener listener);

    /**
     * Originates a route (or replaces the one originated for this prefix): ORIGIN and other attributes as given;
     * AS_PATH, NEXT_HOP / MP_REACH_NLRI are set per session on export (next hop = the session's local address).
     * A Tunnel Encapsulation attribute given here is sent on every session: originating it is the explicit
     * configuration RFC 9012 §11 asks for.
     */
    void originate(AfiSafi family, Prefix prefix, List<PathAttribute> attributes);

    /** Withdraws a route originated with {@link #originate}; no-op if none. */
    void withdrawOriginated(AfiSafi family, Prefix prefix);
}

package org.softwire.bgp.peer;

import java.net.InetAddress;
import java.util.Set;

import org.osgi.annotation.versioning.ProviderType;
import org.softwire.bgp.wire.AfiSafi;
import org.softwire.bgp.wire.SessionContext;
import org.softwire.bgp.wire.UpdateMessage;

/**
 * One BGP session in the Established state, as a route consumer sees it. Implemented by the speaker. A new
 * instance is handed out each time the session reaches Established; after
 * {@link SessionListener#sessionDown(PeerSession, String)} it is dead and {@link #send} is ignored.
 */
@ProviderType
public interface PeerSession {

    /** The configured peer name (the factory configuration's {@code name}), unique in this speaker. */
    String name();

    InetAddress remoteAddress();

    InetAddress localAddress();

    long localAs();

    long remoteAs();

    /** The peer's BGP Identifier from its OPEN, as an unsigned 32-bit value in an int. */
    int remoteRouterId();

    /** Our BGP Identifier. */
    int localRouterId();

    default boolean ibgp() {
        return localAs() == remoteAs();
    }

    /** Families both sides advertised in the Multiprotocol capability (IPv4 unicast when neither sent any). */
    Set<AfiSafi> families();

    /** Families for which both sides advertised the Extended Next Hop capability with an IPv6 next hop [RFC 8950]. */
    Set<AfiSafi> extendedNextHop();

    /** Whether the peer advertised the Route Refresh capability [RFC 2918]. */
    boolean routeRefresh();

    /** The context the session's decoder uses (what was negotiated). */
    SessionContext context();

    /**
     * Queues an UPDATE to the peer. Never blocks; the speaker writes it in order with the session's other messages.
     * Ignored (returns false) once the session is down.
     */
    boolean send(UpdateMessage update);

    /** Sends a ROUTE-REFRESH for a family, if the peer supports it. Returns false otherwise. */
    boolean requestRefresh(AfiSafi family);

    /** The peer's configured maximum number of prefixes it may announce (all families), 0 for no limit. */
    int maxPrefixes();

    /**
     * Ends the session: sends {@code notification} (for example Cease / Maximum Number of Prefixes Reached,
     * RFC 4486) and closes the connection; listeners then get {@link SessionListener#sessionDown}. Whether and when
     * the peer is retried is the speaker's configuration. No-op when already down.
     */
    void close(org.softwire.bgp.wire.NotificationMessage notification);

    /** Whether this session is still Established. */
    boolean isUp();
}

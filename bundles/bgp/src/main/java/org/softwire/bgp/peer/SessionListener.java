package org.softwire.bgp.peer;

import org.osgi.annotation.versioning.ConsumerType;
import org.softwire.bgp.wire.AfiSafi;
import org.softwire.bgp.wire.Decoded;

/**
 * Whiteboard service told about sessions by the speaker: register it (e.g. the RIB) and the speaker calls it for
 * every session, including those already Established when the listener appears. Calls for one session come from
 * one thread, in order; a listener must not block for long (hand work to its own executor if needed). An exception
 * thrown by a listener is logged by the speaker and never affects the session.
 */
@ConsumerType
public interface SessionListener {

    /** The session reached Established (RFC 4271 §8.2.2). The listener may now send its Adj-RIB-Out. */
    void sessionEstablished(PeerSession session);

    /**
     * An UPDATE was received and decoded. Only UPDATEs whose action is ACCEPT, ATTRIBUTE_DISCARD or
     * TREAT_AS_WITHDRAW are delivered (a SESSION_RESET ends the session instead). Use
     * {@link Decoded#routesToWithdraw()}, {@link Decoded#routesToInstall()} and {@link Decoded#effective()}.
     */
    void update(PeerSession session, Decoded update);

    /** The peer asked for our routes of a family again [RFC 2918]. */
    void routeRefreshRequested(PeerSession session, AfiSafi family);

    /** The session left Established: every route learned from it must go (RFC 4271 §9). */
    void sessionDown(PeerSession session, String reason);
}

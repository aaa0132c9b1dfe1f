package org.softwire.bgp.speaker;

import java.util.Map;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;

/** One peer over JMX: {@code org.softwire:type=BgpPeer,name=<peer>}; open types only. */
public interface PeerMXBean {

    static ObjectName objectName(String peer) {
        try {
            return new ObjectName("org.softwire:type=BgpPeer,name=" + ObjectName.quote(peer));
        } catch (MalformedObjectNameException e) {
            throw new IllegalArgumentException("peer name " + peer, e);
        }
    }

    String getName();

    String getAddress();

    long getRemoteAs();

    /** RFC 4271 state name (Idle ... Established). */
    String getState();

    /** Seconds since Established, 0 when not Established. */
    long getUptimeSeconds();

    String getRemoteRouterId();

    int getHoldTime();

    /** Negotiated families as "afi/safi". */
    String[] getFamilies();

    String[] getExtendedNextHopFamilies();

    boolean isRouteRefresh();

    boolean isFourOctetAs();

    /** Messages received by type (open, update, notification, keepalive, route-refresh). */
    Map<String, Long> getMessagesReceived();

    Map<String, Long> getMessagesSent();

    /** Prefixes received per family "afi/safi". */
    Map<String, Integer> getPrefixesReceived();

    /** UPDATEs by RFC 7606 action other than accept. */
    Map<String, Long> getUpdateErrorActions();

    long getEstablishedTransitions();

    String getLastError();

    int getMaxPrefixes();

    /** Cease / Administrative Reset, then a new session. */
    void reset();
}

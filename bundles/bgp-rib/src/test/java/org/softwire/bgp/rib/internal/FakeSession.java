package org.softwire.bgp.rib.internal;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.softwire.bgp.peer.PeerSession;
import org.softwire.bgp.wire.AfiSafi;
import org.softwire.bgp.wire.NotificationMessage;
import org.softwire.bgp.wire.SessionContext;
import org.softwire.bgp.wire.UpdateMessage;

/** A PeerSession that records what is sent to it. */
final class FakeSession implements PeerSession {
    final String name;
    final long localAs;
    final long remoteAs;
    final int routerId;
    final InetAddress remote;
    final InetAddress local;
    final List<UpdateMessage> sent = new ArrayList<>();
    int maxPrefixes;
    NotificationMessage closedWith;
    Set<AfiSafi> families = Set.of(AfiSafi.IPV4_UNICAST, AfiSafi.IPV6_UNICAST);
    Set<AfiSafi> extendedNextHop = Set.of(AfiSafi.IPV4_UNICAST);

    FakeSession(String name, long localAs, long remoteAs, String routerId, String remote, String local) {
        this.name = name;
        this.localAs = localAs;
        this.remoteAs = remoteAs;
        try {
            this.routerId = java.nio.ByteBuffer.wrap(InetAddress.getByName(routerId).getAddress()).getInt();
            this.remote = InetAddress.getByName(remote);
            this.local = InetAddress.getByName(local);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    @Override public String name() { return name; }
    @Override public InetAddress remoteAddress() { return remote; }
    @Override public InetAddress localAddress() { return local; }
    @Override public long localAs() { return localAs; }
    @Override public long remoteAs() { return remoteAs; }
    @Override public int remoteRouterId() { return routerId; }
    @Override public int localRouterId() { return 0x01010101; }
    @Override public Set<AfiSafi> families() { return families; }
    @Override public Set<AfiSafi> extendedNextHop() { return extendedNextHop; }
    @Override public boolean routeRefresh() { return true; }
    @Override public SessionContext context() {
        return SessionContext.DEFAULT.withIbgp(ibgp()).withExtendedNextHop(extendedNextHop)
                .withEndpointCheck(SessionContext.EndpointCheck.ALLOW_DOCUMENTATION);
    }
    @Override public boolean send(UpdateMessage update) {
        if (closedWith != null) {
            return false;
        }
        sent.add(update);
        return true;
    }
    @Override public boolean requestRefresh(AfiSafi family) { return false; }
    @Override public int maxPrefixes() { return maxPrefixes; }
    @Override public void close(NotificationMessage notification) { closedWith = notification; }
    @Override public boolean isUp() { return closedWith == null; }
}

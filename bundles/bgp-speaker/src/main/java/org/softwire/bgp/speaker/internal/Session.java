package org.softwire.bgp.speaker.internal;

import java.net.InetAddress;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;
import org.softwire.bgp.peer.PeerSession;
import org.softwire.bgp.wire.AfiSafi;
import org.softwire.bgp.wire.BgpMessage;
import org.softwire.bgp.wire.BgpEncoder;
import org.softwire.bgp.wire.Decoded;
import org.softwire.bgp.wire.NotificationMessage;
import org.softwire.bgp.wire.RouteRefreshMessage;
import org.softwire.bgp.wire.SessionContext;
import org.softwire.bgp.wire.UpdateMessage;

/** One Established session handed to the SessionListeners; dead after sessionDown. Thread-safe. */
final class Session implements PeerSession {
    private final Peer peer;
    private final Fsm fsm;
    private final Executor loop;
    private final Negotiation.Result n;
    private final InetAddress local;
    private final InetAddress remote;
    private final BgpEncoder encoder;
    private final long localAs;
    private final int localId;
    private final long since = System.currentTimeMillis();
    private final PrefixCounts prefixes = new PrefixCounts();
    private volatile boolean up = true;

    Session(Peer peer, Fsm fsm, Executor loop) {
        this.peer = peer;
        this.fsm = fsm;
        this.loop = loop;
        this.n = fsm.negotiated();
        this.local = fsm.link().localAddress();
        this.remote = fsm.link().remoteAddress();
        this.encoder = fsm.encoder();
        this.localAs = peer.speaker().localAs();
        this.localId = peer.speaker().routerId();
    }

    Fsm fsm() {
        return fsm;
    }

    Negotiation.Result negotiatedResult() {
        return n;
    }

    long since() {
        return since;
    }

    /** Counts what an UPDATE changes (loop thread). */
    void count(Decoded d) {
        for (UpdateMessage.Route r : d.routesToWithdraw()) {
            prefixes.remove(r.family(), r.prefix());
        }
        for (UpdateMessage.Route r : d.routesToInstall()) {
            prefixes.add(r.family(), r.prefix());
        }
    }

    Map<AfiSafi, Integer> prefixCounts() {
        Map<AfiSafi, Integer> m = new java.util.LinkedHashMap<>();
        n.families().forEach(f -> m.put(f, 0));
        m.putAll(prefixes.counts());
        return m;
    }

    void down() {
        up = false;
    }

    @Override
    public String name() {
        return peer.config().name();
    }

    @Override
    public InetAddress remoteAddress() {
        return remote;
    }

    @Override
    public InetAddress localAddress() {
        return local;
    }

    @Override
    public long localAs() {
        return localAs;
    }

    @Override
    public long remoteAs() {
        return n.remoteAs();
    }

    @Override
    public int remoteRouterId() {
        return n.remoteRouterId();
    }

    @Override
    public int localRouterId() {
        return localId;
    }

    @Override
    public Set<AfiSafi> families() {
        return n.families();
    }

    @Override
    public Set<AfiSafi> extendedNextHop() {
        return n.extendedNextHop();
    }

    @Override
    public boolean routeRefresh() {
        return n.routeRefresh();
    }

    @Override
    public SessionContext context() {
        return n.context();
    }

    @Override
    public boolean send(UpdateMessage update) {
        if (!up) {
            return false;
        }
        byte[] bytes = encoder.encode(update);
        loop.execute(() -> {
            if (up) {
                fsm.sendEncoded(bytes, BgpMessage.TYPE_UPDATE);
            }
        });
        return true;
    }

    @Override
    public boolean requestRefresh(AfiSafi family) {
        if (!up || !n.routeRefresh() || !n.families().contains(family)) {
            return false;
        }
        byte[] bytes = encoder.encode(new RouteRefreshMessage(family));
        loop.execute(() -> {
            if (up) {
                fsm.sendEncoded(bytes, BgpMessage.TYPE_ROUTE_REFRESH);
            }
        });
        return true;
    }

    @Override
    public int maxPrefixes() {
        return peer.config().maxPrefixes();
    }

    @Override
    public void close(NotificationMessage notification) {
        if (!up) {
            return;
        }
        loop.execute(() -> {
            if (up) {
                peer.closeSession(this, notification);
            }
        });
    }

    @Override
    public boolean isUp() {
        return up;
    }

    @Override
    public String toString() {
        return "session " + name() + " " + remote.getHostAddress() + " AS" + n.remoteAs() + (up ? " up" : " down");
    }
}

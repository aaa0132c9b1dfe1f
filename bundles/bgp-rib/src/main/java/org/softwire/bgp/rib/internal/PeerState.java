package org.softwire.bgp.rib.internal;

import java.lang.ref.WeakReference;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import org.softwire.bgp.peer.PeerSession;
import org.softwire.bgp.wire.AfiSafi;
import org.softwire.bgp.wire.Prefix;

/** What the RIB keeps per established session: its Adj-RIB-In (before policy) and Adj-RIB-Out per family. */
final class PeerState {
    final PeerSession session;
    final String name;
    final boolean ibgp;
    final long routerId;
    final byte[] address;
    final Map<AfiSafi, RouteTable<Attrs>> adjIn = new HashMap<>();
    final Map<AfiSafi, RouteTable<Attrs>> adjOut = new HashMap<>();
    private final WeakHashMap<Attrs, WeakReference<Path>> paths = new WeakHashMap<>();
    private Path lastPath;
    int received;
    boolean closed;
    /** Pending announcements (by outbound attribute set) and withdrawals, sent at the end of a RIB operation. */
    final Map<AfiSafi, Map<Attrs, List<Prefix>>> pendingAnnounce = new LinkedHashMap<>();
    final Map<AfiSafi, List<Prefix>> pendingWithdraw = new LinkedHashMap<>();

    PeerState(PeerSession session) {
        this.session = session;
        this.name = session.name();
        this.ibgp = session.ibgp();
        this.routerId = session.remoteRouterId() & 0xffffffffL;
        this.address = session.remoteAddress() == null ? new byte[0] : session.remoteAddress().getAddress();
    }

    RouteTable<Attrs> in(AfiSafi f) {
        return adjIn.computeIfAbsent(f, x -> new RouteTable<>(x.afi()));
    }

    RouteTable<Attrs> out(AfiSafi f) {
        return adjOut.computeIfAbsent(f, x -> new RouteTable<>(x.afi()));
    }

    /** The interned path of this peer with {@code attrs}. */
    Path path(Attrs attrs) {
        Path l = lastPath;
        if (l != null && l.attrs == attrs) {
            return l;
        }
        WeakReference<Path> ref = paths.get(attrs);
        Path p = ref == null ? null : ref.get();
        if (p == null) {
            p = new Path(this, attrs);
            paths.put(attrs, new WeakReference<>(p));
        }
        lastPath = p;
        return p;
    }
}

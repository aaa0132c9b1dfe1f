package org.softwire.bgp.rib.internal;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.softwire.bgp.peer.PeerSession;
import org.softwire.bgp.peer.SessionListener;
import org.softwire.bgp.rib.BestChange;
import org.softwire.bgp.rib.BgpPolicy;
import org.softwire.bgp.rib.BgpPolicy.Direction;
import org.softwire.bgp.rib.LocRibListener;
import org.softwire.bgp.rib.Rib;
import org.softwire.bgp.rib.RibRoute;
import org.softwire.bgp.wire.AfiSafi;
import org.softwire.bgp.wire.Decoded;
import org.softwire.bgp.wire.MpReachNlri;
import org.softwire.bgp.wire.NotificationMessage;
import org.softwire.bgp.wire.Octets;
import org.softwire.bgp.wire.PathAttribute;
import org.softwire.bgp.wire.Prefix;
import org.softwire.bgp.wire.UpdateMessage;

/**
 * The RIB (plain Java; {@link RibComponent} publishes it). One lock: sessions call from their own threads, each
 * call is one operation that updates the Adj-RIBs-In and the Loc-RIB, then tells the {@link LocRibListener}s and
 * sends the resulting UPDATEs to every other established peer.
 *
 * <p>Storage for a million routes: the Adj-RIB-In and Adj-RIB-Out of a peer map primitive prefix keys to interned
 * attribute sets ({@link RouteTable}, {@link Interner}); the Loc-RIB maps a prefix to its one {@link Path} (or an
 * array of paths, best first, when several peers offer it), and paths are interned per peer.
 */
public final class RibImpl implements SessionListener, Rib {
    private static final System.Logger LOG = System.getLogger(RibImpl.class.getName());
    /** Cease subcode 1 [RFC 4486 §4]. */
    static final int MAX_PREFIXES_REACHED = 1;

    private final Map<String, PeerState> peers = new LinkedHashMap<>();
    private final Map<PeerSession, PeerState> bySession = new IdentityHashMap<>();
    private final Map<AfiSafi, RouteTable<Object>> loc = new HashMap<>();
    private final Map<AfiSafi, RouteTable<Path>> originated = new HashMap<>();
    private final Interner interner = new Interner();
    private final List<LocRibListener> listeners = new CopyOnWriteArrayList<>();
    private volatile Policies policies = Policies.NONE;
    private final Exporter exporter = new Exporter(() -> policies, interner);
    private final List<Object[]> changes = new ArrayList<>();
    /** One-entry import cache: the last received attribute set of a peer and what import made of it. */
    private final Map<PeerState, Attrs[]> importCache = new IdentityHashMap<>();

    // ---- SessionListener ----

    @Override
    public synchronized void sessionEstablished(PeerSession session) {
        PeerState old = peers.get(session.name());
        if (old != null) {
            dropPeer(old);
        }
        PeerState p = new PeerState(session);
        peers.put(p.name, p);
        bySession.put(session, p);
        finish();
        syncOut(p);
        exporter.flush(p);
    }

    @Override
    public synchronized void update(PeerSession session, Decoded update) {
        PeerState p = bySession.get(session);
        if (p == null || p.closed || !(update.message() instanceof UpdateMessage)) {
            return;
        }
        for (UpdateMessage.Route r : update.routesToWithdraw()) {
            if (supported(r.family())) {
                RouteTable<Attrs> in = p.in(r.family());
                if (in.remove(r.prefix()) != null) {
                    p.received--;
                    setPath(r.family(), r.prefix(), p, null);
                }
            }
        }
        List<UpdateMessage.Route> install = update.routesToInstall();
        if (!install.isEmpty()) {
            UpdateMessage eff = update.effective();
            List<PathAttribute> base = new ArrayList<>(eff.attributes().size());
            Octets classicNh = Octets.EMPTY;
            Octets mpNh = Octets.EMPTY;
            for (PathAttribute a : eff.attributes()) {
                if (a instanceof PathAttribute.NextHop n) {
                    classicNh = n.address();
                } else if (a instanceof MpReachNlri m) {
                    mpNh = m.globalNextHop();
                } else if (a.typeCode() != PathAttribute.MP_UNREACH_NLRI) {
                    base.add(a);
                }
            }
            Attrs classic = null;
            Attrs mp = null;
            int classicCount = eff.nlri().size();
            for (int i = 0; i < install.size(); i++) {
                UpdateMessage.Route r = install.get(i);
                if (!supported(r.family())) {
                    continue;
                }
                Attrs a;
                if (i < classicCount) {
                    a = classic != null ? classic : (classic = interner.intern(base, classicNh));
                } else {
                    a = mp != null ? mp : (mp = interner.intern(base, mpNh));
                }
                if (p.in(r.family()).put(r.prefix(), a) == null) {
                    p.received++;
                }
                setPath(r.family(), r.prefix(), p, importPath(p, r.prefix(), a));
            }
            int max = session.maxPrefixes();
            if (max > 0 && p.received > max) {
                maxPrefixReached(p, install.get(0).family(), max);
                return;
            }
        }
        finish();
    }

    @Override
    public synchronized void routeRefreshRequested(PeerSession session, AfiSafi family) {
        PeerState p = bySession.get(session);
        if (p != null && !p.closed) {
            RouteTable<Attrs> out = p.out(family); // resend the whole Adj-RIB-Out of the family [RFC 2918 §4]
            out.forEach((prefix, a) -> p.pendingAnnounce.computeIfAbsent(family, f -> new LinkedHashMap<>())
                    .computeIfAbsent(a, x -> new ArrayList<>()).add(prefix));
            exporter.flush(p);
        }
    }

    @Override
    public synchronized void sessionDown(PeerSession session, String reason) {
        PeerState p = bySession.get(session);
        if (p != null) {
            LOG.log(Level.INFO, "peer " + p.name + " down (" + reason + "): removing " + p.received + " prefixes");
            dropPeer(p);
            finish();
        }
    }

    private void maxPrefixReached(PeerState p, AfiSafi family, int max) {
        LOG.log(Level.WARNING, "peer " + p.name + " sent " + p.received + " prefixes, more than its maximum " + max
                + ": closing the session (Cease / Maximum Number of Prefixes Reached)");
        byte[] data = {(byte) (family.afi() >> 8), (byte) family.afi(), (byte) family.safi(), (byte) (max >>> 24),
                (byte) (max >>> 16), (byte) (max >>> 8), (byte) max}; // RFC 4486 §4: AFI, SAFI, upper bound
        PeerSession s = p.session;
        dropPeer(p);
        finish();
        s.close(new NotificationMessage(NotificationMessage.CEASE, MAX_PREFIXES_REACHED, Octets.of(data)));
    }

    /** Removes every route of {@code p} from the Loc-RIB and forgets it (the caller finishes the operation). */
    private void dropPeer(PeerState p) {
        p.closed = true;
        for (var e : p.adjIn.entrySet()) {
            AfiSafi f = e.getKey();
            e.getValue().forEach((prefix, a) -> setPath(f, prefix, p, null));
        }
        p.adjIn.clear();
        p.adjOut.clear();
        p.received = 0;
        peers.remove(p.name, p);
        bySession.remove(p.session);
        importCache.remove(p);
    }

    private static boolean supported(AfiSafi f) {
        return f.afi() == AfiSafi.AFI_IPV4 || f.afi() == AfiSafi.AFI_IPV6;
    }

    // ---- import and the Loc-RIB ----

    /** The Loc-RIB path of a received route after import rules and policy, or null if rejected. */
    private Path importPath(PeerState p, Prefix prefix, Attrs received) {
        List<BgpPolicy> pol = policies.of(p.name, Direction.IMPORT);
        Attrs[] c = importCache.get(p);
        Attrs a;
        if (c != null && c[0] == received) {
            a = c[1]; // the 500 prefixes of one UPDATE share one attribute set: checked and rewritten once
        } else if (received.pathContains(p.session.localAs())) {
            a = null; // AS loop [RFC 4271 §9.1.2]
            importCache.put(p, new Attrs[] {received, null});
        } else {
            a = received;
            boolean dropLp = !p.ibgp && received.localPref >= 0; // ignored from an external peer [§5.1.5]
            boolean strip = received.hasTunnel && !Policies.passesTunnel(pol, p.ibgp); // RFC 9012 §11
            long lp = Policies.localPref(pol);
            if (dropLp || strip || lp >= 0) {
                List<PathAttribute> l = strip ? Policies.stripTunnel(received.list) : new ArrayList<>(received.list);
                if (dropLp || lp >= 0) {
                    l.removeIf(x -> x instanceof PathAttribute.LocalPref);
                }
                if (lp >= 0) {
                    l.add(new PathAttribute.LocalPref(lp));
                }
                a = interner.intern(l, received.nextHop);
            }
            importCache.put(p, new Attrs[] {received, a});
        }
        return a != null && Policies.permits(pol, prefix, a) ? p.path(a) : null;
    }

    private RouteTable<Object> loc(AfiSafi f) {
        return loc.computeIfAbsent(f, x -> new RouteTable<>(x.afi()));
    }

    /** Sets (or with null removes) the path of {@code from} (null: local) for a prefix and runs the decision. */
    private void setPath(AfiSafi family, Prefix prefix, PeerState from, Path path) {
        RouteTable<Object> t = loc(family);
        Object cur = t.get(prefix);
        Path oldBest = bestOf(cur);
        Object next = replace(cur, from, path);
        if (next == null) {
            if (cur != null) {
                t.remove(prefix);
            }
        } else if (next != cur) {
            t.put(prefix, next);
        }
        Path newBest = bestOf(next);
        if (oldBest != newBest) {
            changes.add(new Object[] {family, prefix, newBest});
        }
    }

    static Path bestOf(Object v) {
        return v == null ? null : v instanceof Path p ? p : ((Path[]) v)[0];
    }

    private static Object replace(Object cur, PeerState from, Path path) {
        Path[] paths;
        if (cur == null) {
            return path;
        } else if (cur instanceof Path p) {
            if (p.peer == from) {
                return path;
            }
            paths = path == null ? new Path[] {p} : new Path[] {p, path};
        } else {
            List<Path> l = new ArrayList<>();
            for (Path p : (Path[]) cur) {
                if (p.peer != from) {
                    l.add(p);
                }
            }
            if (path != null) {
                l.add(path);
            }
            paths = l.toArray(new Path[0]);
        }
        if (paths.length == 0) {
            return null;
        }
        if (paths.length == 1) {
            return paths[0];
        }
        int b = Decision.best(paths);
        Path tmp = paths[0];
        paths[0] = paths[b];
        paths[b] = tmp;
        return paths;
    }

    /** Ends an operation: listeners, then Adj-RIB-Out of every peer. */
    private void finish() {
        if (!changes.isEmpty()) {
            if (!listeners.isEmpty()) {
                List<BestChange> bc = new ArrayList<>(changes.size());
                for (Object[] c : changes) {
                    bc.add(new BestChange((AfiSafi) c[0], (Prefix) c[1], route((AfiSafi) c[0], (Prefix) c[1], (Path) c[2], true)));
                }
                List<BestChange> view = java.util.Collections.unmodifiableList(bc);
                for (LocRibListener l : listeners) {
                    try {
                        l.changed(view);
                    } catch (RuntimeException e) {
                        LOG.log(Level.ERROR, "Loc-RIB listener " + l + " failed", e);
                    }
                }
            }
            for (PeerState p : peers.values()) {
                for (Object[] c : changes) {
                    exporter.export(p, (AfiSafi) c[0], (Prefix) c[1], (Path) c[2]);
                }
            }
            changes.clear();
        }
        exporter.endOperation();
        for (PeerState p : peers.values()) {
            exporter.flush(p);
        }
    }

    /** Brings a peer's Adj-RIB-Out in line with the Loc-RIB (new session, export policy change). */
    private void syncOut(PeerState p) {
        for (var e : loc.entrySet()) {
            AfiSafi f = e.getKey();
            e.getValue().forEach((prefix, v) -> exporter.export(p, f, prefix, bestOf(v)));
        }
        for (var e : new ArrayList<>(p.adjOut.entrySet())) {
            AfiSafi f = e.getKey();
            RouteTable<Object> t = loc(f);
            List<Prefix> gone = new ArrayList<>();
            e.getValue().forEach((prefix, a) -> {
                if (t.get(prefix) == null) {
                    gone.add(prefix);
                }
            });
            gone.forEach(prefix -> exporter.export(p, f, prefix, null));
        }
        exporter.endOperation();
    }

    private static RibRoute route(AfiSafi f, Prefix prefix, Path p, boolean best) {
        return p == null ? null : new RibRoute(f, prefix, p.peerName(), p.attrs.nextHop, p.attrs.list, best);
    }

    // ---- policies ----

    /** Replaces the policies and re-evaluates every route (import, then export) at once. */
    public synchronized void setPolicies(List<BgpPolicy> list) {
        policies = new Policies(list);
        importCache.clear();
        exporter.endOperation();
        for (PeerState p : new ArrayList<>(peers.values())) {
            for (var e : p.adjIn.entrySet()) {
                AfiSafi f = e.getKey();
                e.getValue().forEach((prefix, a) -> setPath(f, prefix, p, importPath(p, prefix, a)));
            }
        }
        finish();
        for (PeerState p : peers.values()) {
            syncOut(p);
            exporter.flush(p);
        }
    }

    public List<BgpPolicy> policies() {
        return policies.all();
    }

    // ---- Rib ----

    @Override
    public synchronized void originate(AfiSafi family, Prefix prefix, List<PathAttribute> attributes) {
        Prefix n = RouteTable.normalize(prefix);
        Path path = new Path(null, interner.intern(attributes, Octets.EMPTY));
        originated.computeIfAbsent(family, f -> new RouteTable<>(f.afi())).put(n, path);
        setPath(family, n, null, path);
        finish();
    }

    @Override
    public synchronized void withdrawOriginated(AfiSafi family, Prefix prefix) {
        Prefix n = RouteTable.normalize(prefix);
        RouteTable<Path> t = originated.get(family);
        if (t != null && t.remove(n) != null) {
            setPath(family, n, null, null);
            finish();
        }
    }

    @Override
    public synchronized List<RibRoute> routes(AfiSafi family, boolean bestOnly) {
        RouteTable<Object> t = loc.get(family);
        List<RibRoute> out = new ArrayList<>();
        if (t != null) {
            t.forEach((prefix, v) -> {
                if (v instanceof Path p) {
                    out.add(route(family, prefix, p, true));
                } else {
                    Path[] ps = (Path[]) v;
                    for (int i = 0; i < ps.length && (i == 0 || !bestOnly); i++) {
                        out.add(route(family, prefix, ps[i], i == 0));
                    }
                }
            });
        }
        out.sort(Comparator.comparing((RibRoute r) -> r.prefix().octets().toHex() + "/" + r.prefix().length())
                .thenComparing(r -> !r.best()));
        return out;
    }

    @Override
    public synchronized Optional<RibRoute> best(AfiSafi family, Prefix prefix) {
        RouteTable<Object> t = loc.get(family);
        return Optional.ofNullable(t == null ? null : route(family, RouteTable.normalize(prefix), bestOf(t.get(prefix)), true));
    }

    @Override
    public synchronized Optional<RibRoute> lookup(AfiSafi family, byte[] address) {
        RouteTable<Object> t = loc.get(family);
        if (t == null) {
            return Optional.empty();
        }
        for (int len = address.length * 8; len >= 0; len--) {
            Prefix p = RouteTable.normalize(new Prefix(family.afi(), len, Octets.of(address, 0, (len + 7) / 8)));
            Path b = bestOf(t.get(p));
            if (b != null) {
                return Optional.of(route(family, p, b, true));
            }
        }
        return Optional.empty();
    }

    @Override
    public synchronized Map<AfiSafi, Integer> locRibCounts() {
        Map<AfiSafi, Integer> m = new TreeMap<>(Comparator.comparing(AfiSafi::toString));
        loc.forEach((f, t) -> m.put(f, t.size()));
        return m;
    }

    @Override
    public synchronized Map<String, Map<AfiSafi, Integer>> adjRibInCounts() {
        return counts(true);
    }

    @Override
    public synchronized Map<String, Map<AfiSafi, Integer>> adjRibOutCounts() {
        return counts(false);
    }

    private Map<String, Map<AfiSafi, Integer>> counts(boolean in) {
        Map<String, Map<AfiSafi, Integer>> m = new TreeMap<>();
        for (PeerState p : peers.values()) {
            Map<AfiSafi, Integer> c = new TreeMap<>(Comparator.comparing(AfiSafi::toString));
            (in ? p.adjIn : p.adjOut).forEach((f, t) -> c.put(f, t.size()));
            m.put(p.name, c);
        }
        return m;
    }

    public synchronized int attributeSets() {
        return interner.size();
    }

    @Override
    public AutoCloseable addListener(LocRibListener listener) {
        synchronized (this) {
            List<BestChange> all = new ArrayList<>();
            loc.forEach((f, t) -> t.forEach((prefix, v) -> all.add(new BestChange(f, prefix, route(f, prefix, bestOf(v), true)))));
            if (!all.isEmpty()) {
                listener.changed(java.util.Collections.unmodifiableList(all));
            }
            listeners.add(listener);
        }
        return () -> listeners.remove(listener);
    }
}

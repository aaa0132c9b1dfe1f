package org.softwire.bgp.rib.internal;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.softwire.bgp.rib.BgpPolicy;
import org.softwire.bgp.rib.BgpPolicy.Direction;
import org.softwire.bgp.wire.AfiSafi;
import org.softwire.bgp.wire.As4Path;
import org.softwire.bgp.wire.AsPath;
import org.softwire.bgp.wire.AsPathSegment;
import org.softwire.bgp.wire.BgpEncoder;
import org.softwire.bgp.wire.MpReachNlri;
import org.softwire.bgp.wire.MpUnreachNlri;
import org.softwire.bgp.wire.Octets;
import org.softwire.bgp.wire.PathAttribute;
import org.softwire.bgp.wire.Prefix;
import org.softwire.bgp.wire.UpdateMessage;

/**
 * Adj-RIB-Out [RFC 4271 §9.1.3, §9.2]: what the best path of a prefix becomes toward one peer (export policy,
 * AS_PATH prepend and next hop on eBGP, LOCAL_PREF on iBGP only, MED not passed to another AS, the RFC 9012 §11
 * scoping of the tunnel attribute), compared with what was last advertised, and packed into UPDATEs of at most
 * 4096 octets (one attribute set per UPDATE, many NLRI).
 */
final class Exporter {
    private static final System.Logger LOG = System.getLogger(Exporter.class.getName());
    private static final int MAX_MESSAGE = 4096;
    private final Supplier<Policies> policies;
    private final Interner interner;
    /** Per peer: outbound attributes computed for a path during the current operation. */
    private final Map<PeerState, Map<AfiSafi, IdentityHashMap<Path, Attrs>>> cache = new IdentityHashMap<>();
    private static final Attrs REJECTED = new Attrs(List.of(), Octets.EMPTY);

    Exporter(Supplier<Policies> policies, Interner interner) {
        this.policies = policies;
        this.interner = interner;
    }

    /** Queues what {@code best} (null: no route) of a prefix means for {@code peer}, if it changes anything. */
    void export(PeerState peer, AfiSafi family, Prefix prefix, Path best) {
        if (peer.closed || !peer.session.families().contains(family)) {
            return;
        }
        List<BgpPolicy> pol = policies.get().of(peer.name, Direction.EXPORT);
        Attrs out = null;
        if (best != null && Policies.permits(pol, prefix, best.attrs)) {
            out = cache.computeIfAbsent(peer, x -> new java.util.HashMap<>())
                    .computeIfAbsent(family, x -> new IdentityHashMap<>()).computeIfAbsent(best,
                    b -> Objects.requireNonNullElse(outbound(peer, family, b, pol), REJECTED));
            if (out == REJECTED) {
                out = null;
            }
        }
        RouteTable<Attrs> ao = peer.out(family);
        Attrs prev = out == null ? ao.remove(prefix) : ao.put(prefix, out);
        if (Objects.equals(prev, out)) {
            return;
        }
        if (out == null) {
            peer.pendingWithdraw.computeIfAbsent(family, f -> new ArrayList<>()).add(prefix);
        } else {
            peer.pendingAnnounce.computeIfAbsent(family, f -> new java.util.LinkedHashMap<>())
                    .computeIfAbsent(out, a -> new ArrayList<>()).add(prefix);
        }
    }

    /** Forgets the per-operation cache (policies or paths changed). */
    void endOperation() {
        cache.clear();
    }

    /** The attributes of {@code best} toward {@code peer}, or null if it must not be advertised. */
    private Attrs outbound(PeerState peer, AfiSafi family, Path best, List<BgpPolicy> pol) {
        if (best.peer == peer) {
            return null; // never back to where it came from
        }
        if (best.peer != null && best.peer.ibgp && peer.ibgp) {
            return null; // iBGP-learned routes are not passed to iBGP peers (no route reflection) [§9.1.1]
        }
        boolean ebgp = !peer.ibgp;
        boolean tunnel = best.local() || Policies.passesTunnel(pol, peer.ibgp);
        List<PathAttribute> out = new ArrayList<>();
        PathAttribute.Origin origin = best.attrs.get(PathAttribute.Origin.class);
        out.add(origin != null ? origin : new PathAttribute.Origin(PathAttribute.Origin.IGP));
        AsPath path = best.attrs.get(AsPath.class);
        if (path == null) {
            path = new AsPath(List.of());
        }
        if (ebgp) {
            path = prepend(path, peer.session.localAs()); // §5.1.2 (b)
        }
        out.add(path);
        PathAttribute.MultiExitDisc med = best.attrs.get(PathAttribute.MultiExitDisc.class);
        if (med != null && (peer.ibgp || best.local())) {
            out.add(med); // a learned MED is not passed to another AS [§5.1.4]
        }
        if (peer.ibgp) {
            out.add(new PathAttribute.LocalPref(best.localPref())); // §5.1.5
        }
        for (PathAttribute a : best.attrs.list) {
            if (a instanceof PathAttribute.Origin || a instanceof AsPath || a instanceof As4Path
                    || a instanceof PathAttribute.MultiExitDisc || a instanceof PathAttribute.LocalPref
                    || a instanceof PathAttribute.As4Aggregator) {
                continue;
            }
            if (a instanceof PathAttribute.Unknown u) {
                a = u.forPropagation(); // §5, §9: optional transitive with Partial, non-transitive dropped
                if (a == null) {
                    continue;
                }
            }
            if (!tunnel) {
                if (Policies.isTunnel(a)) {
                    continue; // RFC 9012 §11
                }
                a = Policies.withoutEncapsulationEc(a);
                if (a == null) {
                    continue;
                }
            }
            out.add(a);
        }
        Octets nh = ebgp || best.local() || Policies.nextHopSelf(pol) ? self(peer, family) : best.attrs.nextHop;
        if (nh == null || family.afi() == AfiSafi.AFI_IPV4 && nh.length() == 16
                && !peer.session.extendedNextHop().contains(family)) {
            LOG.log(System.Logger.Level.DEBUG, () -> "no usable next hop toward " + peer.name + " for " + family);
            return null; // an IPv6 next hop on IPv4 NLRI needs RFC 8950 negotiated
        }
        return interner.intern(out, nh);
    }

    private static AsPath prepend(AsPath p, long as) {
        List<AsPathSegment> segs = new ArrayList<>(p.segments());
        if (!segs.isEmpty() && segs.get(0).type() == AsPathSegment.AS_SEQUENCE && segs.get(0).asns().size() < 255) {
            List<Long> asns = new ArrayList<>(segs.get(0).asns());
            asns.add(0, as);
            segs.set(0, new AsPathSegment(AsPathSegment.AS_SEQUENCE, asns));
        } else {
            segs.add(0, AsPathSegment.sequence(as));
        }
        return new AsPath(p.flags(), segs);
    }

    /** The session's local address as next hop for {@code family}: IPv4-mapped for IPv6 NLRI over IPv4 [RFC 4798]. */
    private static Octets self(PeerState peer, AfiSafi family) {
        if (peer.session.localAddress() == null) {
            return null;
        }
        byte[] a = peer.session.localAddress().getAddress();
        if (family.afi() == AfiSafi.AFI_IPV6 && a.length == 4) {
            byte[] m = new byte[16];
            m[10] = (byte) 0xff;
            m[11] = (byte) 0xff;
            System.arraycopy(a, 0, m, 12, 4);
            return Octets.of(m);
        }
        return Octets.of(a);
    }

    /** Sends what was queued for {@code peer}: withdrawals first, then announcements grouped by attributes. */
    void flush(PeerState peer) {
        if (peer.closed) {
            peer.pendingAnnounce.clear();
            peer.pendingWithdraw.clear();
            return;
        }
        BgpEncoder enc = new BgpEncoder(peer.session.context());
        for (var e : peer.pendingWithdraw.entrySet()) {
            AfiSafi f = e.getKey();
            RouteTable<Attrs> ao = peer.out(f);
            List<Prefix> still = e.getValue().stream().filter(p -> ao.get(p) == null).toList();
            int per = (MAX_MESSAGE - 40) / (1 + AfiSafi.addressLength(f.afi()));
            for (int i = 0; i < still.size(); i += per) {
                List<Prefix> chunk = still.subList(i, Math.min(still.size(), i + per));
                peer.session.send(f.equals(AfiSafi.IPV4_UNICAST) ? new UpdateMessage(chunk, List.of(), List.of())
                        : new UpdateMessage(List.of(), List.of(new MpUnreachNlri(f, chunk)), List.of()));
            }
        }
        for (var e : peer.pendingAnnounce.entrySet()) {
            AfiSafi f = e.getKey();
            RouteTable<Attrs> ao = peer.out(f);
            for (var g : e.getValue().entrySet()) {
                Attrs a = g.getKey();
                List<Prefix> still = g.getValue().stream().filter(p -> a.equals(ao.get(p))).toList();
                if (still.isEmpty()) {
                    continue;
                }
                int room = MAX_MESSAGE - enc.encode(message(f, a, List.of())).length - 4;
                int per = Math.max(1, room / (1 + AfiSafi.addressLength(f.afi())));
                for (int i = 0; i < still.size(); i += per) {
                    peer.session.send(message(f, a, still.subList(i, Math.min(still.size(), i + per))));
                }
            }
        }
        peer.pendingAnnounce.clear();
        peer.pendingWithdraw.clear();
    }

    static UpdateMessage message(AfiSafi f, Attrs a, List<Prefix> nlri) {
        List<PathAttribute> attrs = new ArrayList<>(a.list.size() + 1);
        if (f.equals(AfiSafi.IPV4_UNICAST) && a.nextHop.length() == 4) {
            attrs.addAll(a.list);
            attrs.add(2 <= attrs.size() ? 2 : attrs.size(), new PathAttribute.NextHop(PathAttribute.TRANSITIVE, a.nextHop));
            return new UpdateMessage(List.of(), attrs, nlri);
        }
        attrs.add(new MpReachNlri(PathAttribute.OPTIONAL, f.afi(), f.safi(), a.nextHop, 0, nlri));
        attrs.addAll(a.list);
        return new UpdateMessage(List.of(), attrs, List.of());
    }
}

package org.softwire.bgp.rib.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.softwire.bgp.rib.BgpPolicy;
import org.softwire.bgp.rib.BgpPolicy.Direction;
import org.softwire.bgp.rib.BgpPolicy.PrefixRule;
import org.softwire.bgp.rib.BgpPolicy.TunnelScope;
import org.softwire.bgp.wire.ExtendedCommunities;
import org.softwire.bgp.wire.PathAttribute;
import org.softwire.bgp.wire.Prefix;
import org.softwire.bgp.wire.TunnelEncapsulation;

/** An immutable snapshot of the policies in force, with their evaluation. */
final class Policies {
    static final Policies NONE = new Policies(List.of());
    private final List<BgpPolicy> all;

    Policies(List<BgpPolicy> policies) {
        List<BgpPolicy> sorted = new ArrayList<>(policies);
        sorted.sort(Comparator.comparing(BgpPolicy::name));
        this.all = List.copyOf(sorted);
    }

    List<BgpPolicy> all() {
        return all;
    }

    /** The policies of a peer and direction, in order. */
    List<BgpPolicy> of(String peer, Direction d) {
        List<BgpPolicy> out = new ArrayList<>(2);
        for (BgpPolicy p : all) {
            if (p.appliesTo(peer, d)) {
                out.add(p);
            }
        }
        return out;
    }

    /** Whether every policy of the list lets the route through (prefix list, communities). */
    static boolean permits(List<BgpPolicy> policies, Prefix prefix, Attrs attrs) {
        for (BgpPolicy p : policies) {
            if (!p.prefixList().isEmpty() && !prefixPermits(p.prefixList(), prefix)) {
                return false;
            }
            for (long c : p.rejectCommunities()) {
                if (attrs.hasCommunity(c)) {
                    return false;
                }
            }
            if (!p.matchCommunities().isEmpty()
                    && p.matchCommunities().stream().noneMatch(attrs::hasCommunity)) {
                return false;
            }
        }
        return true;
    }

    private static boolean prefixPermits(List<PrefixRule> rules, Prefix prefix) {
        for (PrefixRule r : rules) {
            if (r.matches(prefix)) {
                return r.permit();
            }
        }
        return false; // implicit deny at the end of a prefix list
    }

    /**
     * Whether the session passes the Tunnel Encapsulation attribute [RFC 9012 §11]: the last policy that says
     * ACCEPT or FILTER decides, else eBGP filters and iBGP passes.
     */
    static boolean passesTunnel(List<BgpPolicy> policies, boolean ibgp) {
        TunnelScope s = TunnelScope.DEFAULT;
        for (BgpPolicy p : policies) {
            if (p.tunnelAttribute() != TunnelScope.DEFAULT) {
                s = p.tunnelAttribute();
            }
        }
        return s == TunnelScope.DEFAULT ? ibgp : s == TunnelScope.ACCEPT;
    }

    static long localPref(List<BgpPolicy> policies) {
        long lp = -1;
        for (BgpPolicy p : policies) {
            if (p.setLocalPref() >= 0) {
                lp = p.setLocalPref();
            }
        }
        return lp;
    }

    static boolean nextHopSelf(List<BgpPolicy> policies) {
        return policies.stream().anyMatch(BgpPolicy::nextHopSelf);
    }

    /** Whether an attribute is the tunnel attribute or an EXTENDED_COMMUNITIES holding an Encapsulation EC. */
    static boolean isTunnel(PathAttribute a) {
        return a instanceof TunnelEncapsulation;
    }

    /** {@code a} without its Encapsulation extended communities (null if none is left), or {@code a} itself. */
    static PathAttribute withoutEncapsulationEc(PathAttribute a) {
        if (a instanceof ExtendedCommunities e && e.communities().stream().anyMatch(x -> x.isEncapsulation())) {
            var rest = e.communities().stream().filter(x -> !x.isEncapsulation()).toList();
            return rest.isEmpty() ? null : new ExtendedCommunities(e.flags(), rest);
        }
        return a;
    }

    /** The attribute list without the tunnel attribute and Encapsulation ECs [RFC 9012 §11 filtering]. */
    static List<PathAttribute> stripTunnel(List<PathAttribute> list) {
        List<PathAttribute> out = new ArrayList<>(list.size());
        for (PathAttribute a : list) {
            if (isTunnel(a)) {
                continue;
            }
            PathAttribute b = withoutEncapsulationEc(a);
            if (b != null) {
                out.add(b);
            }
        }
        return out;
    }
}

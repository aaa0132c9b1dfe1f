package org.softwire.bgp.rib.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.softwire.bgp.wire.AsPath;
import org.softwire.bgp.wire.AsPathSegment;
import org.softwire.bgp.wire.ExtendedCommunities;
import org.softwire.bgp.wire.Octets;
import org.softwire.bgp.wire.PathAttribute;
import org.softwire.bgp.wire.TunnelEncapsulation;

/**
 * An interned, immutable path attribute set with a next hop: thousands of prefixes of one UPDATE (and of a whole
 * feed that shares attributes) point at one instance ({@link Interner}). The values the decision process reads
 * [RFC 4271 §9.1.2.2] are precomputed. The list holds no NEXT_HOP, MP_REACH_NLRI or MP_UNREACH_NLRI.
 */
final class Attrs {
    final List<PathAttribute> list;
    final Octets nextHop;
    /** LOCAL_PREF, or -1 when absent. */
    final long localPref;
    final int asPathLength;
    final int origin;
    /** MULTI_EXIT_DISC; absent counts as 0, the lowest value [§9.1.2.2 (c)]. */
    final long med;
    /** The neighbouring AS: the first AS of the first AS_SEQUENCE, or -1 (a route from our own AS). */
    final long neighborAs;
    /** COMMUNITIES values, sorted. */
    final long[] communities;
    final boolean hasTunnel;
    private final int hash;

    Attrs(List<PathAttribute> list, Octets nextHop) {
        this.list = List.copyOf(list);
        this.nextHop = nextHop;
        long lp = -1;
        int apl = 0;
        int org = PathAttribute.Origin.INCOMPLETE;
        long m = 0;
        long nas = -1;
        long[] comms = new long[0];
        boolean tunnel = false;
        for (PathAttribute a : this.list) {
            if (a instanceof PathAttribute.LocalPref p) {
                lp = p.localPref();
            } else if (a instanceof AsPath p) {
                apl = p.pathLength();
                for (AsPathSegment s : p.segments()) {
                    if (s.type() == AsPathSegment.AS_SEQUENCE && !s.asns().isEmpty()) {
                        nas = s.asns().get(0);
                        break;
                    }
                    if (s.type() == AsPathSegment.AS_SET) {
                        break;
                    }
                }
            } else if (a instanceof PathAttribute.Origin o) {
                org = o.origin();
            } else if (a instanceof PathAttribute.MultiExitDisc d) {
                m = d.med();
            } else if (a instanceof PathAttribute.Communities c) {
                comms = c.communities().stream().mapToLong(Long::longValue).sorted().toArray();
            } else if (a instanceof TunnelEncapsulation) {
                tunnel = true;
            } else if (a instanceof ExtendedCommunities e && e.communities().stream().anyMatch(x -> x.isEncapsulation())) {
                tunnel = true;
            }
        }
        this.localPref = lp;
        this.asPathLength = apl;
        this.origin = org;
        this.med = m;
        this.neighborAs = nas;
        this.communities = comms;
        this.hasTunnel = tunnel;
        this.hash = this.list.hashCode() * 31 + nextHop.hashCode();
    }

    boolean hasCommunity(long c) {
        return Arrays.binarySearch(communities, c) >= 0;
    }

    boolean pathContains(long as) {
        for (PathAttribute a : list) {
            if (a instanceof AsPath p) {
                return p.segments().stream().anyMatch(s -> s.asns().contains(as));
            }
        }
        return false;
    }

    <T extends PathAttribute> T get(Class<T> type) {
        for (PathAttribute a : list) {
            if (type.isInstance(a)) {
                return type.cast(a);
            }
        }
        return null;
    }

    /** A copy without the attributes {@code drop} selects, with {@code add} appended (null: nothing). */
    List<PathAttribute> without(java.util.function.Predicate<PathAttribute> drop, PathAttribute add) {
        List<PathAttribute> out = new ArrayList<>(list.size() + 1);
        for (PathAttribute a : list) {
            if (!drop.test(a)) {
                out.add(a);
            }
        }
        if (add != null) {
            out.add(add);
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Attrs a && a.hash == hash && a.nextHop.equals(nextHop) && a.list.equals(list);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public String toString() {
        return "Attrs[nh " + nextHop + " " + list + "]";
    }
}

package org.softwire.bgp.rib.internal;

import java.util.ArrayList;
import java.util.List;
import org.softwire.bgp.wire.Action;
import org.softwire.bgp.wire.AfiSafi;
import org.softwire.bgp.wire.AsPath;
import org.softwire.bgp.wire.AsPathSegment;
import org.softwire.bgp.wire.Decoded;
import org.softwire.bgp.wire.MpReachNlri;
import org.softwire.bgp.wire.MpUnreachNlri;
import org.softwire.bgp.wire.PathAttribute;
import org.softwire.bgp.wire.Prefix;
import org.softwire.bgp.wire.SubTlv;
import org.softwire.bgp.wire.TunnelEncapsulation;
import org.softwire.bgp.wire.TunnelTlv;
import org.softwire.bgp.wire.UpdateMessage;

/** Builders of decoded UPDATEs for the tests. */
final class Updates {
    private Updates() {
    }

    /** An IPv4 route announced with a classic NEXT_HOP. */
    static Builder v4(String nextHop, String... prefixes) {
        return new Builder(AfiSafi.IPV4_UNICAST, nextHop, prefixes);
    }

    /** A route of {@code family} announced in MP_REACH_NLRI. */
    static Builder mp(AfiSafi family, String nextHop, String... prefixes) {
        Builder b = new Builder(family, nextHop, prefixes);
        b.mp = true;
        return b;
    }

    static Decoded withdraw(String... prefixes) {
        UpdateMessage u = new UpdateMessage(List.of(prefixes).stream().map(Prefix::parse).toList(), List.of(), List.of());
        return new Decoded(u, u, Action.ACCEPT, List.of(), null);
    }

    static Decoded withdrawMp(AfiSafi family, String... prefixes) {
        UpdateMessage u = new UpdateMessage(List.of(), List.of(new MpUnreachNlri(family,
                List.of(prefixes).stream().map(Prefix::parse).toList())), List.of());
        return new Decoded(u, u, Action.ACCEPT, List.of(), null);
    }

    static TunnelEncapsulation tunnel(int type, String endpoint) {
        return new TunnelEncapsulation(List.of(new TunnelTlv(type, SubTlv.EgressEndpoint.of(endpoint))));
    }

    static final class Builder {
        final AfiSafi family;
        final String nextHop;
        final List<Prefix> nlri = new ArrayList<>();
        boolean mp;
        int origin = PathAttribute.Origin.IGP;
        List<Long> path = new ArrayList<>();
        final List<PathAttribute> extra = new ArrayList<>();
        Action action = Action.ACCEPT;

        Builder(AfiSafi family, String nextHop, String... prefixes) {
            this.family = family;
            this.nextHop = nextHop;
            for (String p : prefixes) {
                nlri.add(Prefix.parse(p));
            }
        }

        Builder path(Long... asns) {
            path = List.of(asns);
            return this;
        }

        Builder origin(int o) {
            origin = o;
            return this;
        }

        Builder with(PathAttribute a) {
            extra.add(a);
            return this;
        }

        Builder action(Action a) {
            action = a;
            return this;
        }

        UpdateMessage message() {
            List<PathAttribute> attrs = new ArrayList<>();
            if (mp) {
                attrs.add(new MpReachNlri(family, nextHop, nlri));
            }
            attrs.add(new PathAttribute.Origin(origin));
            attrs.add(new AsPath(path.isEmpty() ? List.of() : List.of(new AsPathSegment(AsPathSegment.AS_SEQUENCE, path))));
            if (!mp) {
                attrs.add(new PathAttribute.NextHop(nextHop));
            }
            attrs.addAll(extra);
            return new UpdateMessage(List.of(), attrs, mp ? List.of() : nlri);
        }

        Decoded decoded() {
            UpdateMessage u = message();
            return new Decoded(u, u, action, List.of(), null);
        }
    }
}

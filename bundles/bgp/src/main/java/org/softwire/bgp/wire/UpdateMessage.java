package org.softwire.bgp.wire;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * UPDATE [RFC 4271 §4.3]: {@code |Withdrawn Routes Length (2)|Withdrawn|Total Path Attribute Length (2)|Path
 * Attributes|NLRI|}. Attributes keep the order they came in; any order is accepted [RFC 7606 §5.1].
 */
public record UpdateMessage(List<Prefix> withdrawn, List<PathAttribute> attributes, List<Prefix> nlri)
        implements BgpMessage {

    public UpdateMessage {
        withdrawn = List.copyOf(withdrawn);
        attributes = List.copyOf(attributes);
        nlri = List.copyOf(nlri);
    }

    /** The first attribute of a record class. */
    public <T extends PathAttribute> Optional<T> attribute(Class<T> type) {
        return attributes.stream().filter(type::isInstance).map(type::cast).findFirst();
    }

    /** Whether the UPDATE announces reachable routes (classic NLRI or MP_REACH_NLRI with NLRI). */
    public boolean hasReachableNlri() {
        return !nlri.isEmpty() || attribute(MpReachNlri.class).map(m -> !m.nlri().isEmpty()).orElse(false);
    }

    /**
     * Every route this UPDATE announces, withdrawn: what treat-as-withdraw means [RFC 7606 §2]. Classic NLRI
     * first, then MP_REACH_NLRI routes, each with its family.
     */
    public List<Route> announcedRoutes() {
        List<Route> out = new ArrayList<>();
        nlri.forEach(p -> out.add(new Route(AfiSafi.IPV4_UNICAST, p)));
        attributes.stream().filter(a -> a instanceof MpReachNlri).map(a -> (MpReachNlri) a)
                .forEach(m -> m.nlri().forEach(p -> out.add(new Route(m.family(), p))));
        return out;
    }

    /** A prefix with its family. */
    public record Route(AfiSafi family, Prefix prefix) {
    }

    /**
     * This UPDATE's attributes as they must be re-advertised: unknown optional transitive attributes with the
     * Partial bit set, unknown optional non-transitive ones dropped [RFC 4271 §5, §9]. MP_REACH/MP_UNREACH,
     * NEXT_HOP and the rest are the caller's (RIB-out) business.
     */
    public List<PathAttribute> attributesForPropagation() {
        List<PathAttribute> out = new ArrayList<>();
        for (PathAttribute a : attributes) {
            if (a instanceof PathAttribute.Unknown u) {
                PathAttribute.Unknown p = u.forPropagation();
                if (p != null) {
                    out.add(p);
                }
            } else {
                out.add(a);
            }
        }
        return out;
    }

    @Override
    public int type() {
        return TYPE_UPDATE;
    }
}

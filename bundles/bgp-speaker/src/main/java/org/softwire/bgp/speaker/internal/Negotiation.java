package org.softwire.bgp.speaker.internal;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.softwire.bgp.wire.AfiSafi;
import org.softwire.bgp.wire.Capability;
import org.softwire.bgp.wire.NotificationMessage;
import org.softwire.bgp.wire.Octets;
import org.softwire.bgp.wire.OpenMessage;
import org.softwire.bgp.wire.SessionContext;

/**
 * Our OPEN, the checks of the peer's OPEN that need configuration [RFC 4271 §6.2, RFC 5492 §5, RFC 6286 §2.2] and
 * what both sides negotiated [RFC 4760 §8, RFC 6793 §4.1, RFC 2918 §2, RFC 8950 §4].
 */
final class Negotiation {
    private Negotiation() {
    }

    /** What the session uses once the OPENs are exchanged. */
    record Result(Set<AfiSafi> families, Set<AfiSafi> extendedNextHop, boolean routeRefresh, boolean fourOctetAs,
            int holdTime, int keepalive, long remoteAs, int remoteRouterId, SessionContext context) {
    }

    /** The capabilities we advertise. */
    static List<Capability> capabilities(SpeakerConfig s, PeerConfig p) {
        List<Capability> caps = new ArrayList<>();
        p.families().forEach(f -> caps.add(new Capability.Multiprotocol(f)));
        caps.add(new Capability.RouteRefresh());
        if (p.extendedNextHop()) {
            List<Capability.ExtendedNextHop.Entry> e = new ArrayList<>();
            p.families().stream().filter(f -> f.afi() == AfiSafi.AFI_IPV4)
                    .forEach(f -> e.add(new Capability.ExtendedNextHop.Entry(f.afi(), f.safi(), AfiSafi.AFI_IPV6)));
            if (!e.isEmpty()) {
                caps.add(new Capability.ExtendedNextHop(e));
            }
        }
        caps.add(new Capability.FourOctetAs(s.localAs()));
        return caps;
    }

    static OpenMessage open(SpeakerConfig s, PeerConfig p) {
        return OpenMessage.of(s.localAs(), p.holdTime(), s.routerIdText(), capabilities(s, p));
    }

    /** A reason to refuse the peer's OPEN, with its NOTIFICATION; empty when it is acceptable. */
    record Refusal(NotificationMessage notification, String reason) {
    }

    static Optional<Refusal> check(SpeakerConfig s, PeerConfig p, OpenMessage o) {
        long as = o.effectiveAs();
        if (as != p.remoteAs()) {
            // RFC 4271 §6.2: Bad Peer AS (no data)
            return Optional.of(new Refusal(new NotificationMessage(NotificationMessage.OPEN_MESSAGE_ERROR,
                    NotificationMessage.BAD_PEER_AS), "peer AS " + as + ", configured " + p.remoteAs()));
        }
        int id = o.bgpIdentifier().get(0) << 24 | o.bgpIdentifier().get(1) << 16 | o.bgpIdentifier().get(2) << 8
                | o.bgpIdentifier().get(3);
        if (id == s.routerId() && as == s.localAs()) {
            // RFC 6286 §2.2: within an AS the BGP Identifiers must differ
            return Optional.of(new Refusal(new NotificationMessage(NotificationMessage.OPEN_MESSAGE_ERROR,
                    NotificationMessage.BAD_BGP_IDENTIFIER), "BGP Identifier " + SpeakerConfig.dotted(id)
                            + " equals ours on an internal session"));
        }
        Set<AfiSafi> theirs = families(o);
        Set<AfiSafi> common = new LinkedHashSet<>(p.families());
        common.retainAll(theirs);
        if (common.isEmpty()) {
            // RFC 5492 §5: Unsupported Capability, data = the capabilities we need that the peer lacks
            ByteArrayOutputStream data = new ByteArrayOutputStream();
            for (AfiSafi f : p.families()) {
                data.writeBytes(new byte[] {Capability.MULTIPROTOCOL, 4, (byte) (f.afi() >> 8), (byte) f.afi(), 0,
                        (byte) f.safi()});
            }
            return Optional.of(new Refusal(new NotificationMessage(NotificationMessage.OPEN_MESSAGE_ERROR,
                    NotificationMessage.UNSUPPORTED_CAPABILITY, Octets.of(data.toByteArray())),
                    "no common family: peer " + theirs + ", configured " + p.families()));
        }
        return Optional.empty();
    }

    /** The peer's families: its Multiprotocol capabilities, or IPv4 unicast when it sent none [RFC 4760 §8]. */
    static Set<AfiSafi> families(OpenMessage o) {
        Set<AfiSafi> out = new LinkedHashSet<>();
        o.capabilities().stream().filter(c -> c instanceof Capability.Multiprotocol)
                .forEach(c -> out.add(((Capability.Multiprotocol) c).family()));
        if (out.isEmpty()) {
            out.add(AfiSafi.IPV4_UNICAST);
        }
        return out;
    }

    static Result negotiate(SpeakerConfig s, PeerConfig p, OpenMessage o) {
        Set<AfiSafi> families = new LinkedHashSet<>(p.families());
        families.retainAll(families(o));
        Set<AfiSafi> extNh = new LinkedHashSet<>();
        if (p.extendedNextHop()) {
            for (Capability c : o.capabilities()) {
                if (c instanceof Capability.ExtendedNextHop e) {
                    families.stream().filter(f -> f.afi() == AfiSafi.AFI_IPV4 && e.allows(f, AfiSafi.AFI_IPV6))
                            .forEach(extNh::add);
                }
            }
        }
        boolean rr = o.capabilities().stream().anyMatch(c -> c instanceof Capability.RouteRefresh);
        boolean four = o.fourOctetAs().isPresent();
        int hold = Math.min(p.holdTime(), o.holdTime());
        int keepalive = hold == 0 ? 0 : p.keepalive() == 0 ? Math.max(1, hold / 3) : Math.min(p.keepalive(),
                Math.max(1, hold / 3));
        int id = o.bgpIdentifier().get(0) << 24 | o.bgpIdentifier().get(1) << 16 | o.bgpIdentifier().get(2) << 8
                | o.bgpIdentifier().get(3);
        SessionContext ctx = new SessionContext(four, p.remoteAs() == s.localAs(), extNh, p.endpointCheck());
        return new Result(java.util.Collections.unmodifiableSet(families), java.util.Collections.unmodifiableSet(extNh), rr, four, hold, keepalive, o.effectiveAs(), id,
                ctx);
    }
}

package org.softwire.bgp.internal;

import static org.softwire.bgp.wire.BgpErrorReason.*;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.softwire.bgp.wire.Action;
import org.softwire.bgp.wire.AfiSafi;
import org.softwire.bgp.wire.Decoded;
import org.softwire.bgp.wire.MpReachNlri;
import org.softwire.bgp.wire.NotificationMessage;
import org.softwire.bgp.wire.Octets;
import org.softwire.bgp.wire.PathAttribute;
import org.softwire.bgp.wire.Prefix;
import org.softwire.bgp.wire.SessionContext;
import org.softwire.bgp.wire.TunnelEncapsulation;
import org.softwire.bgp.wire.UpdateMessage;

/**
 * UPDATE body → {@link Decoded} with the RFC 7606 action. Attributes are accepted in any order [RFC 7606 §5.1];
 * checks across attributes (missing well-known attributes, tunnel TLVs against the UPDATE's family) run after all
 * of them are read; the §5.2 escalation comes last.
 */
public final class UpdateParser {
    private UpdateParser() {
    }

    /** Parses the UPDATE body {@code b[off, off+len)} (after the 19-octet header). */
    public static Decoded parse(byte[] b, int off, int len, SessionContext ctx) {
        Problems problems = new Problems();
        int end = off + len;
        int wlen = Wire.u16(b, off);
        if (4 + wlen > len || 4 + wlen + Wire.u16(b, off + 2 + wlen) > len) {
            problems.add(UPDATE_LENGTHS_INCONSISTENT, -1, "withdrawn length " + wlen + " + attribute length"
                    + (4 + wlen > len ? " (unreadable)" : " " + Wire.u16(b, off + 2 + wlen)) + " + 23 > message length "
                    + (len + 19), Problems.updateError(NotificationMessage.MALFORMED_ATTRIBUTE_LIST));
            return reset(null, problems);
        }
        int aoff = off + 4 + wlen;
        int alen = Wire.u16(b, off + 2 + wlen);
        int noff = aoff + alen;
        String[] err = new String[1];
        List<Prefix> withdrawn = NlriParser.parse(AfiSafi.AFI_IPV4, b, off + 2, wlen, err);
        if (withdrawn == null) {
            problems.add(WITHDRAWN_MALFORMED, -1, "Withdrawn Routes: " + err[0], Problems.updateError(NotificationMessage.INVALID_NETWORK_FIELD));
            return reset(null, problems);
        }
        List<Prefix> nlri = NlriParser.parse(AfiSafi.AFI_IPV4, b, noff, end - noff, err);
        if (nlri == null) {
            problems.add(NLRI_MALFORMED, -1, "NLRI: " + err[0], Problems.updateError(NotificationMessage.INVALID_NETWORK_FIELD));
            return reset(null, problems);
        }

        List<PathAttribute> attrs = new ArrayList<>(); // as received
        BitSet dropped = new BitSet(); // indexes into attrs of attributes not used
        BitSet present = new BitSet(256); // types seen, parsed or not
        AttributeParser parser = new AttributeParser(ctx, problems);
        int p = aoff;
        int aend = aoff + alen;
        while (p < aend) {
            int flags = Wire.u8(b, p);
            int hdr = (flags & PathAttribute.EXTENDED_LENGTH) != 0 ? 4 : 3;
            if (aend - p < hdr) {
                problems.add(ATTRIBUTE_OVERRUN, -1, (aend - p) + " octets left, too few for an attribute header",
                        Problems.updateError(NotificationMessage.MALFORMED_ATTRIBUTE_LIST));
                break;
            }
            int type = Wire.u8(b, p + 1);
            int vl = hdr == 4 ? Wire.u16(b, p + 2) : Wire.u8(b, p + 2);
            if (p + hdr + vl > aend) {
                problems.add(ATTRIBUTE_OVERRUN, type, "attribute " + type + " of length " + vl
                        + " overruns the Total Path Attribute Length by " + (p + hdr + vl - aend) + " octets",
                        Problems.updateError(NotificationMessage.ATTRIBUTE_LENGTH_ERROR, b, p, aend));
                break;
            }
            PathAttribute a = null;
            if (present.get(type)) {
                boolean mp = type == PathAttribute.MP_REACH_NLRI || type == PathAttribute.MP_UNREACH_NLRI;
                problems.add(mp ? DUPLICATE_MP_ATTRIBUTE : DUPLICATE_ATTRIBUTE, type,
                        "attribute " + type + " repeated" + (mp ? "" : "; the first is kept"),
                        Problems.updateError(NotificationMessage.MALFORMED_ATTRIBUTE_LIST));
            } else {
                present.set(type);
                a = parser.parse(b, p, p + hdr, vl);
            }
            if (a == null) {
                // unusable or discarded: kept raw so that the received message still re-encodes byte-exact
                attrs.add(new PathAttribute.Unknown(flags, type, Octets.of(b, p + hdr, vl)));
                dropped.set(attrs.size() - 1);
            } else {
                attrs.add(a);
            }
            p += hdr + vl;
        }
        UpdateMessage received = new UpdateMessage(withdrawn, attrs, nlri);

        boolean reachable = received.hasReachableNlri();
        if (reachable) {
            missing(PathAttribute.ORIGIN, present, problems);
            missing(PathAttribute.AS_PATH, present, problems);
            if (!nlri.isEmpty()) {
                missing(PathAttribute.NEXT_HOP, present, problems);
            }
            if (ctx.ibgp()) {
                missing(PathAttribute.LOCAL_PREF, present, problems);
            }
        }
        List<PathAttribute> effective = new ArrayList<>();
        for (int i = 0; i < attrs.size(); i++) {
            PathAttribute a = attrs.get(i);
            if (dropped.get(i)) {
                continue;
            }
            if (a instanceof TunnelEncapsulation te && reachable) {
                a = tunnel(te, received, ctx, problems);
                if (a == null) {
                    continue;
                }
            }
            effective.add(a);
        }

        Action action = problems.action();
        if (!reachable && action.compareTo(Action.ATTRIBUTE_DISCARD) > 0 && action != Action.SESSION_RESET
                && !attrs.isEmpty()) {
            // RFC 7606 §5.2: errors in an UPDATE without reachable NLRI → session reset
            NotificationMessage n = problems.notificationFor(action);
            problems.add(ERROR_WITHOUT_NLRI, -1, "error in an UPDATE that announces no reachable NLRI", n);
            action = Action.SESSION_RESET;
        }
        if (action == Action.SESSION_RESET) {
            return new Decoded(received, null, action, problems.list(), problems.notificationFor(action));
        }
        return new Decoded(received, new UpdateMessage(withdrawn, effective, nlri), action, problems.list(), null);
    }

    private static TunnelEncapsulation tunnel(TunnelEncapsulation te, UpdateMessage u, SessionContext ctx,
            Problems problems) {
        boolean required = !u.nlri().isEmpty() && AfiSafi.IPV4_UNICAST.isRfc9012Family()
                || u.attribute(MpReachNlri.class).map(m -> m.family().isRfc9012Family()).orElse(false);
        BitSet ignored = TunnelTlvValidator.validate(te, required, ctx.endpointCheck(), problems);
        if (ignored.cardinality() == te.tlvs().size()) {
            problems.add(TUNNEL_ENCAPSULATION_NO_VALID_TLV, PathAttribute.TUNNEL_ENCAPSULATION,
                    "no valid Tunnel TLV among " + te.tlvs().size(),
                    Problems.updateError(NotificationMessage.OPTIONAL_ATTRIBUTE_ERROR));
            return null;
        }
        List<org.softwire.bgp.wire.TunnelTlv> keep = new ArrayList<>();
        for (int i = 0; i < te.tlvs().size(); i++) {
            if (!ignored.get(i)) {
                keep.add(te.tlvs().get(i));
            }
        }
        return new TunnelEncapsulation(te.flags(), keep);
    }

    private static void missing(int type, BitSet present, Problems problems) {
        if (!present.get(type)) {
            problems.add(MISSING_WELL_KNOWN, type, "well-known mandatory attribute " + type + " missing",
                    new NotificationMessage(NotificationMessage.UPDATE_MESSAGE_ERROR, NotificationMessage.MISSING_WELL_KNOWN_ATTRIBUTE, Octets.of((byte) type)));
        }
    }

    private static Decoded reset(UpdateMessage m, Problems problems) {
        return new Decoded(m, null, Action.SESSION_RESET, problems.list(), problems.notificationFor(Action.SESSION_RESET));
    }
}

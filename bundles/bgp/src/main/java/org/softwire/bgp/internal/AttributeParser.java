package org.softwire.bgp.internal;

import static org.softwire.bgp.wire.BgpErrorReason.*;

import org.softwire.bgp.wire.NotificationMessage;

import java.util.ArrayList;
import java.util.List;
import org.softwire.bgp.wire.AfiSafi;
import org.softwire.bgp.wire.As4Path;
import org.softwire.bgp.wire.AsPath;
import org.softwire.bgp.wire.AsPathSegment;
import org.softwire.bgp.wire.BgpErrorReason;
import org.softwire.bgp.wire.ExtendedCommunities;
import org.softwire.bgp.wire.ExtendedCommunity;
import org.softwire.bgp.wire.MpReachNlri;
import org.softwire.bgp.wire.MpUnreachNlri;
import org.softwire.bgp.wire.Octets;
import org.softwire.bgp.wire.PathAttribute;
import org.softwire.bgp.wire.Prefix;
import org.softwire.bgp.wire.SessionContext;

/**
 * Parses one path attribute value and applies the per-attribute rules of RFC 7606 §7 (and RFC 6793 §6,
 * RFC 4760 §7, RFC 9012 §13 for the structure of attribute 23). Returns null when the attribute is unusable;
 * the problem has been recorded.
 */
final class AttributeParser {
    private final SessionContext ctx;
    private final Problems problems;
    private byte[] b;
    private int start;
    private int end;
    private int flags;
    private int type;

    AttributeParser(SessionContext ctx, Problems problems) {
        this.ctx = ctx;
        this.problems = problems;
    }

    /**
     * @param start first octet of the attribute (flags)
     * @param vo first octet of the value
     * @param vl value length
     */
    PathAttribute parse(byte[] b, int start, int vo, int vl) {
        this.b = b;
        this.start = start;
        this.end = vo + vl;
        this.flags = Wire.u8(b, start);
        this.type = Wire.u8(b, start + 1);
        if (!flagsOk()) {
            return flagsError();
        }
        return switch (type) {
            case PathAttribute.ORIGIN -> origin(vo, vl);
            case PathAttribute.AS_PATH -> asPath(vo, vl);
            case PathAttribute.NEXT_HOP -> nextHop(vo, vl);
            case PathAttribute.MULTI_EXIT_DISC -> vl == 4 ? new PathAttribute.MultiExitDisc(flags, Wire.u32(b, vo))
                    : bad(MED_MALFORMED, NotificationMessage.ATTRIBUTE_LENGTH_ERROR, "MULTI_EXIT_DISC length " + vl + " != 4");
            case PathAttribute.LOCAL_PREF -> localPref(vo, vl);
            case PathAttribute.ATOMIC_AGGREGATE -> vl == 0 ? new PathAttribute.AtomicAggregate(flags)
                    : bad(ATOMIC_AGGREGATE_MALFORMED, NotificationMessage.ATTRIBUTE_LENGTH_ERROR, "ATOMIC_AGGREGATE length " + vl + " != 0");
            case PathAttribute.AGGREGATOR -> aggregator(vo, vl);
            case PathAttribute.COMMUNITIES -> communities(vo, vl);
            case PathAttribute.ORIGINATOR_ID, PathAttribute.CLUSTER_LIST -> reflection(vo, vl);
            case PathAttribute.MP_REACH_NLRI -> mpReach(vo, vl);
            case PathAttribute.MP_UNREACH_NLRI -> mpUnreach(vo, vl);
            case PathAttribute.EXTENDED_COMMUNITIES -> extendedCommunities(vo, vl);
            case PathAttribute.AS4_PATH -> as4Path(vo, vl);
            case PathAttribute.AS4_AGGREGATOR -> as4Aggregator(vo, vl);
            case PathAttribute.TUNNEL_ENCAPSULATION -> TunnelEncapsulationParser.parse(b, flags, start, vo, vl,
                    problems);
            default -> unknown(vo, vl);
        };
    }

    /** Optional and Transitive bits as the attribute's RFC defines them [RFC 7606 §3 (c)]. */
    private boolean flagsOk() {
        if (!known(type)) {
            return true;
        }
        return (flags & PathAttribute.OPTIONAL_TRANSITIVE) == PathAttribute.defaultFlags(type);
    }

    private static boolean known(int type) {
        return type >= 1 && type <= 10 || type >= 14 && type <= 18 || type == 23;
    }

    private PathAttribute flagsError() {
        String d = String.format("attribute %d flags 0x%02x, expected O/T 0x%02x", type, flags,
                PathAttribute.defaultFlags(type));
        var n = Problems.updateError(NotificationMessage.ATTRIBUTE_FLAGS_ERROR, b, start, end);
        switch (type) {
            // the attribute's own handling wins over §3 (c)
            case PathAttribute.ATOMIC_AGGREGATE -> problems.add(ATOMIC_AGGREGATE_MALFORMED, type, d, n);
            case PathAttribute.AGGREGATOR -> problems.add(AGGREGATOR_MALFORMED, type, d, n);
            case PathAttribute.AS4_PATH -> problems.add(AS4_PATH_MALFORMED, type, d, n);
            case PathAttribute.AS4_AGGREGATOR -> problems.add(AS4_AGGREGATOR_MALFORMED, type, d, n);
            case PathAttribute.MP_REACH_NLRI -> problems.add(MP_REACH_MALFORMED, type, d, n); // §5.3
            case PathAttribute.MP_UNREACH_NLRI -> problems.add(MP_UNREACH_MALFORMED, type, d, n);
            case PathAttribute.TUNNEL_ENCAPSULATION -> problems.add(TUNNEL_ENCAPSULATION_NOT_TRANSITIVE, type, d, n);
            case PathAttribute.LOCAL_PREF -> {
                if (!ctx.ibgp()) {
                    problems.add(LOCAL_PREF_FROM_EBGP, type, d, n);
                } else {
                    problems.add(ATTRIBUTE_FLAGS_ERROR, type, d, n);
                }
            }
            case PathAttribute.ORIGINATOR_ID, PathAttribute.CLUSTER_LIST -> problems.add(
                    ctx.ibgp() ? REFLECTION_ATTRIBUTE_MALFORMED : REFLECTION_ATTRIBUTE_FROM_EBGP, type, d, n);
            default -> problems.add(ATTRIBUTE_FLAGS_ERROR, type, d, n);
        }
        return null;
    }

    private PathAttribute bad(BgpErrorReason reason, int subcode, String detail) {
        problems.add(reason, type, detail, Problems.updateError(subcode, b, start, end));
        return null;
    }

    private PathAttribute origin(int vo, int vl) {
        if (vl != 1) {
            return bad(ORIGIN_MALFORMED, NotificationMessage.ATTRIBUTE_LENGTH_ERROR, "ORIGIN length " + vl + " != 1");
        }
        int o = Wire.u8(b, vo);
        return o <= 2 ? new PathAttribute.Origin(flags, o)
                : bad(ORIGIN_MALFORMED, NotificationMessage.INVALID_ORIGIN_ATTRIBUTE, "ORIGIN value " + o + " undefined");
    }

    private PathAttribute asPath(int vo, int vl) {
        String[] err = new String[1];
        List<AsPathSegment> segs = segments(vo, vl, ctx.fourOctetAs() ? 4 : 2, err);
        return segs != null ? new AsPath(flags, segs) : bad(AS_PATH_MALFORMED, NotificationMessage.MALFORMED_AS_PATH, "AS_PATH " + err[0]);
    }

    /** AS_PATH / AS4_PATH segments; null with {@code err[0]} set on a syntax error [RFC 7606 §7.2]. */
    private List<AsPathSegment> segments(int vo, int vl, int asnSize, String[] err) {
        List<AsPathSegment> out = new ArrayList<>();
        int p = vo;
        int e = vo + vl;
        while (p < e) {
            if (e - p < 2) {
                err[0] = "segment header overruns the attribute (1 octet left)";
                return null;
            }
            int st = Wire.u8(b, p);
            int n = Wire.u8(b, p + 1);
            if (st < AsPathSegment.AS_SET || st > AsPathSegment.AS_CONFED_SET) {
                err[0] = "segment type " + st + " undefined";
                return null;
            }
            if (n == 0) {
                err[0] = "segment of length 0";
                return null;
            }
            if (p + 2 + n * asnSize > e) {
                err[0] = "segment of " + n + " ASNs overruns the attribute";
                return null;
            }
            List<Long> asns = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                int q = p + 2 + i * asnSize;
                asns.add(asnSize == 4 ? Wire.u32(b, q) : (long) Wire.u16(b, q));
            }
            out.add(new AsPathSegment(st, asns));
            p += 2 + n * asnSize;
        }
        return out;
    }

    private PathAttribute nextHop(int vo, int vl) {
        if (vl != 4) {
            return bad(NEXT_HOP_MALFORMED, NotificationMessage.ATTRIBUTE_LENGTH_ERROR, "NEXT_HOP length " + vl + " != 4");
        }
        int first = Wire.u8(b, vo);
        if (first == 0 || first == 127 || first >= 224) {
            // not a valid IP host address [RFC 4271 §6.3]: the route is ignored, no NOTIFICATION
            return bad(NEXT_HOP_MALFORMED, NotificationMessage.INVALID_NEXT_HOP_ATTRIBUTE,
                    "NEXT_HOP " + first + "." + Wire.u8(b, vo + 1) + "." + Wire.u8(b, vo + 2) + "."
                            + Wire.u8(b, vo + 3) + " is not a valid host address");
        }
        return new PathAttribute.NextHop(flags, Octets.of(b, vo, 4));
    }

    private PathAttribute localPref(int vo, int vl) {
        if (!ctx.ibgp()) {
            return bad(LOCAL_PREF_FROM_EBGP, NotificationMessage.ATTRIBUTE_LENGTH_ERROR, "LOCAL_PREF received over EBGP");
        }
        return vl == 4 ? new PathAttribute.LocalPref(flags, Wire.u32(b, vo))
                : bad(LOCAL_PREF_MALFORMED, NotificationMessage.ATTRIBUTE_LENGTH_ERROR, "LOCAL_PREF length " + vl + " != 4");
    }

    private PathAttribute aggregator(int vo, int vl) {
        int want = ctx.fourOctetAs() ? 8 : 6;
        if (vl != want) {
            return bad(AGGREGATOR_MALFORMED, NotificationMessage.ATTRIBUTE_LENGTH_ERROR, "AGGREGATOR length " + vl + " != " + want);
        }
        long as = want == 8 ? Wire.u32(b, vo) : Wire.u16(b, vo);
        return new PathAttribute.Aggregator(flags, as, Octets.of(b, vo + want - 4, 4));
    }

    private PathAttribute communities(int vo, int vl) {
        if (vl == 0 || vl % 4 != 0) {
            return bad(COMMUNITIES_MALFORMED, NotificationMessage.OPTIONAL_ATTRIBUTE_ERROR,
                    "COMMUNITIES length " + vl + " not a non-zero multiple of 4");
        }
        List<Long> c = new ArrayList<>(vl / 4);
        for (int p = vo; p < vo + vl; p += 4) {
            c.add(Wire.u32(b, p));
        }
        return new PathAttribute.Communities(flags, c);
    }

    private PathAttribute reflection(int vo, int vl) {
        if (!ctx.ibgp()) {
            return bad(REFLECTION_ATTRIBUTE_FROM_EBGP, NotificationMessage.OPTIONAL_ATTRIBUTE_ERROR,
                    (type == 9 ? "ORIGINATOR_ID" : "CLUSTER_LIST") + " received over EBGP");
        }
        boolean ok = type == PathAttribute.ORIGINATOR_ID ? vl == 4 : vl > 0 && vl % 4 == 0;
        return ok ? new PathAttribute.Unknown(flags, type, Octets.of(b, vo, vl))
                : bad(REFLECTION_ATTRIBUTE_MALFORMED, NotificationMessage.ATTRIBUTE_LENGTH_ERROR,
                        (type == 9 ? "ORIGINATOR_ID" : "CLUSTER_LIST") + " length " + vl);
    }

    private PathAttribute mpReach(int vo, int vl) {
        if (vl < 5) {
            return bad(MP_REACH_MALFORMED, NotificationMessage.OPTIONAL_ATTRIBUTE_ERROR, "MP_REACH_NLRI length " + vl + " < 5");
        }
        int afi = Wire.u16(b, vo);
        int safi = Wire.u8(b, vo + 2);
        int nhl = Wire.u8(b, vo + 3);
        if (5 + nhl > vl) {
            return bad(MP_REACH_MALFORMED, NotificationMessage.OPTIONAL_ATTRIBUTE_ERROR,
                    "next hop length " + nhl + " overruns MP_REACH_NLRI of length " + vl);
        }
        if (!prefixFamily(afi, safi)) {
            return new PathAttribute.Unknown(flags, type, Octets.of(b, vo, vl)); // family not modelled: opaque
        }
        AfiSafi f = new AfiSafi(afi, safi);
        if (!NextHopLengths.allowed(f, nhl, ctx)) {
            return bad(MP_REACH_NEXT_HOP_LENGTH, NotificationMessage.OPTIONAL_ATTRIBUTE_ERROR,
                    "next hop length " + nhl + " unexpected for " + f + NextHopLengths.expected(f, ctx));
        }
        String[] err = new String[1];
        List<Prefix> nlri = NlriParser.parse(afi, b, vo + 5 + nhl, vl - 5 - nhl, err);
        if (nlri == null) {
            return bad(MP_REACH_MALFORMED, NotificationMessage.OPTIONAL_ATTRIBUTE_ERROR, "MP_REACH_NLRI " + f + " NLRI: " + err[0]);
        }
        return new MpReachNlri(flags, afi, safi, Octets.of(b, vo + 4, nhl), Wire.u8(b, vo + 4 + nhl), nlri);
    }

    private PathAttribute mpUnreach(int vo, int vl) {
        if (vl < 3) {
            return bad(MP_UNREACH_MALFORMED, NotificationMessage.OPTIONAL_ATTRIBUTE_ERROR, "MP_UNREACH_NLRI length " + vl + " < 3");
        }
        int afi = Wire.u16(b, vo);
        int safi = Wire.u8(b, vo + 2);
        if (!prefixFamily(afi, safi)) {
            return new PathAttribute.Unknown(flags, type, Octets.of(b, vo, vl));
        }
        String[] err = new String[1];
        List<Prefix> w = NlriParser.parse(afi, b, vo + 3, vl - 3, err);
        return w != null ? new MpUnreachNlri(flags, afi, safi, w)
                : bad(MP_UNREACH_MALFORMED, NotificationMessage.OPTIONAL_ATTRIBUTE_ERROR, "MP_UNREACH_NLRI withdrawn routes: " + err[0]);
    }

    /** Families whose NLRI are plain prefixes: IPv4/IPv6 unicast, multicast and the RFC 5512 encapsulation SAFI. */
    static boolean prefixFamily(int afi, int safi) {
        return (afi == AfiSafi.AFI_IPV4 || afi == AfiSafi.AFI_IPV6) && (safi == AfiSafi.SAFI_UNICAST
                || safi == AfiSafi.SAFI_MULTICAST || safi == AfiSafi.SAFI_ENCAPSULATION);
    }

    private PathAttribute extendedCommunities(int vo, int vl) {
        if (vl == 0 || vl % 8 != 0) {
            return bad(EXTENDED_COMMUNITIES_MALFORMED, NotificationMessage.OPTIONAL_ATTRIBUTE_ERROR,
                    "EXTENDED_COMMUNITIES length " + vl + " not a non-zero multiple of 8");
        }
        List<ExtendedCommunity> c = new ArrayList<>(vl / 8);
        for (int p = vo; p < vo + vl; p += 8) {
            c.add(new ExtendedCommunity(Wire.u32(b, p) << 32 | Wire.u32(b, p + 4)));
        }
        return new ExtendedCommunities(flags, c);
    }

    private PathAttribute as4Path(int vo, int vl) {
        if (ctx.fourOctetAs()) {
            return bad(AS4_PATH_FROM_NEW_SPEAKER, NotificationMessage.OPTIONAL_ATTRIBUTE_ERROR, "AS4_PATH from a 4-octet AS speaker");
        }
        String[] err = new String[1];
        List<AsPathSegment> segs = vl == 0 ? null : segments(vo, vl, 4, err);
        if (vl == 0) {
            err[0] = "of length 0";
        }
        return segs != null ? new As4Path(flags, segs)
                : bad(AS4_PATH_MALFORMED, NotificationMessage.OPTIONAL_ATTRIBUTE_ERROR, "AS4_PATH " + err[0]);
    }

    private PathAttribute as4Aggregator(int vo, int vl) {
        if (ctx.fourOctetAs()) {
            return bad(AS4_AGGREGATOR_FROM_NEW_SPEAKER, NotificationMessage.OPTIONAL_ATTRIBUTE_ERROR,
                    "AS4_AGGREGATOR from a 4-octet AS speaker");
        }
        return vl == 8 ? new PathAttribute.As4Aggregator(flags, Wire.u32(b, vo), Octets.of(b, vo + 4, 4))
                : bad(AS4_AGGREGATOR_MALFORMED, NotificationMessage.OPTIONAL_ATTRIBUTE_ERROR, "AS4_AGGREGATOR length " + vl + " != 8");
    }

    private PathAttribute unknown(int vo, int vl) {
        if ((flags & PathAttribute.OPTIONAL) == 0) {
            return bad(UNRECOGNIZED_WELL_KNOWN, NotificationMessage.UNRECOGNIZED_WELL_KNOWN_ATTRIBUTE,
                    "well-known attribute " + type + " not recognized");
        }
        return new PathAttribute.Unknown(flags, type, Octets.of(b, vo, vl));
    }
}

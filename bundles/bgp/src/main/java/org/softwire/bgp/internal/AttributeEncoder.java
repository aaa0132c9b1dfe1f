package org.softwire.bgp.internal;

import org.softwire.bgp.wire.As4Path;
import org.softwire.bgp.wire.AsPath;
import org.softwire.bgp.wire.AsPathSegment;
import org.softwire.bgp.wire.ExtendedCommunities;
import org.softwire.bgp.wire.ExtendedCommunity;
import org.softwire.bgp.wire.MpReachNlri;
import org.softwire.bgp.wire.MpUnreachNlri;
import org.softwire.bgp.wire.OpenMessage;
import org.softwire.bgp.wire.PathAttribute;
import org.softwire.bgp.wire.SessionContext;
import org.softwire.bgp.wire.SubTlv;
import org.softwire.bgp.wire.TunnelEncapsulation;
import org.softwire.bgp.wire.TunnelTlv;

/**
 * One path attribute to bytes. The flags octet is written as the record holds it; Extended Length is added when
 * the value exceeds 255 octets. ASNs go out as 4 octets when the session negotiated it, else as 2 with AS_TRANS for
 * those above 65535 [RFC 6793 §4.2.2].
 */
final class AttributeEncoder {
    private AttributeEncoder() {
    }

    static void encode(PathAttribute a, SessionContext ctx, Out o) {
        Out v = new Out();
        value(a, ctx, v);
        byte[] value = v.toByteArray();
        int flags = a.flags();
        if (value.length > 255) {
            flags |= PathAttribute.EXTENDED_LENGTH;
        }
        o.u8(flags).u8(a.typeCode());
        if ((flags & PathAttribute.EXTENDED_LENGTH) != 0) {
            o.u16(value.length);
        } else {
            o.u8(value.length);
        }
        o.bytes(org.softwire.bgp.wire.Octets.of(value));
    }

    private static void value(PathAttribute a, SessionContext ctx, Out v) {
        if (a instanceof PathAttribute.Origin x) {
            v.u8(x.origin());
        } else if (a instanceof AsPath x) {
            segments(x.segments(), ctx.fourOctetAs() ? 4 : 2, v);
        } else if (a instanceof As4Path x) {
            segments(x.segments(), 4, v);
        } else if (a instanceof PathAttribute.NextHop x) {
            v.bytes(x.address());
        } else if (a instanceof PathAttribute.MultiExitDisc x) {
            v.u32(x.med());
        } else if (a instanceof PathAttribute.LocalPref x) {
            v.u32(x.localPref());
        } else if (a instanceof PathAttribute.Aggregator x) {
            asn(x.as(), ctx.fourOctetAs() ? 4 : 2, v);
            v.bytes(x.address());
        } else if (a instanceof PathAttribute.As4Aggregator x) {
            v.u32(x.as()).bytes(x.address());
        } else if (a instanceof PathAttribute.Communities x) {
            x.communities().forEach(v::u32);
        } else if (a instanceof ExtendedCommunities x) {
            for (ExtendedCommunity c : x.communities()) {
                v.u32(c.value() >>> 32).u32(c.value());
            }
        } else if (a instanceof MpReachNlri x) {
            v.u16(x.afi()).u8(x.safi()).u8(x.nextHop().length()).bytes(x.nextHop()).u8(x.reserved());
            x.nlri().forEach(p -> v.u8(p.length()).bytes(p.octets()));
        } else if (a instanceof MpUnreachNlri x) {
            v.u16(x.afi()).u8(x.safi());
            x.withdrawn().forEach(p -> v.u8(p.length()).bytes(p.octets()));
        } else if (a instanceof TunnelEncapsulation x) {
            x.tlvs().forEach(t -> tlv(t, v));
        } else if (a instanceof PathAttribute.Unknown x) {
            v.bytes(x.value());
        } // AtomicAggregate: no value
    }

    private static void segments(java.util.List<AsPathSegment> segs, int size, Out v) {
        for (AsPathSegment s : segs) {
            v.u8(s.type()).u8(s.asns().size());
            s.asns().forEach(as -> asn(as, size, v));
        }
    }

    private static void asn(long as, int size, Out v) {
        if (size == 4) {
            v.u32(as);
        } else {
            v.u16(as > 0xffff ? OpenMessage.AS_TRANS : (int) as);
        }
    }

    /** {@code |Tunnel Type (2)|Length (2)|sub-TLVs|} [RFC 9012 §2]. */
    static void tlv(TunnelTlv t, Out v) {
        v.u16(t.tunnelType()).u16(t.valueLength());
        for (SubTlv s : t.subTlvs()) {
            v.u8(s.type());
            if (s.type() >= 128) {
                v.u16(s.value().length());
            } else {
                v.u8(s.value().length());
            }
            v.bytes(s.value());
        }
    }
}

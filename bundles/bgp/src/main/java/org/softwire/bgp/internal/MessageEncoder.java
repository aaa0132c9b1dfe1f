package org.softwire.bgp.internal;

import org.softwire.bgp.wire.BgpMessage;
import org.softwire.bgp.wire.Capability;
import org.softwire.bgp.wire.KeepaliveMessage;
import org.softwire.bgp.wire.NotificationMessage;
import org.softwire.bgp.wire.OpenMessage;
import org.softwire.bgp.wire.OptionalParameter;
import org.softwire.bgp.wire.PathAttribute;
import org.softwire.bgp.wire.RouteRefreshMessage;
import org.softwire.bgp.wire.SessionContext;
import org.softwire.bgp.wire.UpdateMessage;

/** Messages to bytes [RFC 4271 §4]; stateless. */
public final class MessageEncoder {
    private MessageEncoder() {
    }

    public static byte[] encode(BgpMessage m, SessionContext ctx) {
        Out o = new Out();
        for (int i = 0; i < 16; i++) {
            o.u8(0xff);
        }
        o.u16(0).u8(m.type());
        if (m instanceof OpenMessage open) {
            open(open, o);
        } else if (m instanceof UpdateMessage u) {
            update(u, ctx, o);
        } else if (m instanceof NotificationMessage n) {
            o.u8(n.code()).u8(n.subcode()).bytes(n.data());
        } else if (m instanceof RouteRefreshMessage r) {
            o.u16(r.afi()).u8(r.reserved()).u8(r.safi());
        } else if (!(m instanceof KeepaliveMessage)) {
            throw new IllegalArgumentException("unknown message " + m);
        }
        if (o.position() > BgpMessage.MAX_LENGTH) {
            throw new IllegalArgumentException("message of " + o.position() + " octets exceeds "
                    + BgpMessage.MAX_LENGTH + " (RFC 4271 §4.1)");
        }
        o.patch16(16, o.position());
        return o.toByteArray();
    }

    private static void open(OpenMessage m, Out o) {
        o.u8(m.version()).u16(m.myAs()).u16(m.holdTime()).bytes(m.bgpIdentifier());
        int lenAt = o.position();
        o.u8(0);
        for (OptionalParameter p : m.parameters()) {
            o.u8(p.type());
            int pl = o.position();
            o.u8(0);
            if (p instanceof OptionalParameter.Capabilities c) {
                c.capabilities().forEach(cap -> capability(cap, o));
            } else {
                o.bytes(((OptionalParameter.Unknown) p).value());
            }
            o.patch8(pl, o.position() - pl - 1);
        }
        int optLen = o.position() - lenAt - 1;
        if (optLen > 255) {
            throw new IllegalArgumentException("optional parameters of " + optLen + " octets (max 255; RFC 9072 "
                    + "extended parameters are not supported)");
        }
        o.patch8(lenAt, optLen);
    }

    private static void capability(Capability c, Out o) {
        o.u8(c.code());
        int at = o.position();
        o.u8(0);
        if (c instanceof Capability.Multiprotocol mp) {
            o.u16(mp.afi()).u8(mp.reserved()).u8(mp.safi());
        } else if (c instanceof Capability.FourOctetAs f) {
            o.u32(f.as());
        } else if (c instanceof Capability.ExtendedNextHop e) {
            e.entries().forEach(x -> o.u16(x.nlriAfi()).u16(x.nlriSafi()).u16(x.nextHopAfi()));
        } else if (c instanceof Capability.Unknown u) {
            o.bytes(u.value());
        }
        o.patch8(at, o.position() - at - 1);
    }

    private static void update(UpdateMessage u, SessionContext ctx, Out o) {
        int wl = o.position();
        o.u16(0);
        u.withdrawn().forEach(p -> o.u8(p.length()).bytes(p.octets()));
        o.patch16(wl, o.position() - wl - 2);
        int al = o.position();
        o.u16(0);
        for (PathAttribute a : u.attributes()) {
            AttributeEncoder.encode(a, ctx, o);
        }
        o.patch16(al, o.position() - al - 2);
        u.nlri().forEach(p -> o.u8(p.length()).bytes(p.octets()));
    }
}

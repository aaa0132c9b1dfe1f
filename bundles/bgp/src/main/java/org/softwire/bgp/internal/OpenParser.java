package org.softwire.bgp.internal;

import static org.softwire.bgp.wire.BgpErrorReason.*;

import java.util.ArrayList;
import java.util.List;
import org.softwire.bgp.wire.Action;
import org.softwire.bgp.wire.Capability;
import org.softwire.bgp.wire.Decoded;
import org.softwire.bgp.wire.NotificationMessage;
import org.softwire.bgp.wire.Octets;
import org.softwire.bgp.wire.OpenMessage;
import org.softwire.bgp.wire.OptionalParameter;

/**
 * OPEN body [RFC 4271 §4.2, §6.2] with capabilities [RFC 5492]. A known capability with a value of the wrong
 * length is kept as {@link Capability.Unknown} (and so ignored, RFC 5492 §5). Checks that need configuration (Bad
 * Peer AS, required capabilities, hold time policy beyond 1-2 s) belong to the FSM.
 */
public final class OpenParser {
    private OpenParser() {
    }

    public static Decoded parse(byte[] b, int off, int len) {
        Problems problems = new Problems();
        int optLen = Wire.u8(b, off + 9);
        if (10 + optLen != len) {
            problems.add(MALFORMED_OPEN, -1, "Optional Parameters Length " + optLen + " but " + (len - 10)
                    + " octets follow", new NotificationMessage(NotificationMessage.OPEN_MESSAGE_ERROR, NotificationMessage.UNSPECIFIC));
            return done(null, problems);
        }
        int version = Wire.u8(b, off);
        int myAs = Wire.u16(b, off + 1);
        int hold = Wire.u16(b, off + 3);
        Octets id = Octets.of(b, off + 5, 4);
        List<OptionalParameter> params = new ArrayList<>();
        int p = off + 10;
        int end = off + len;
        while (p < end) {
            if (end - p < 2 || p + 2 + Wire.u8(b, p + 1) > end) {
                problems.add(MALFORMED_OPEN, -1, "optional parameter overruns the OPEN",
                        new NotificationMessage(NotificationMessage.OPEN_MESSAGE_ERROR, NotificationMessage.UNSPECIFIC));
                return done(null, problems);
            }
            int type = Wire.u8(b, p);
            int pl = Wire.u8(b, p + 1);
            if (type == OptionalParameter.CAPABILITIES) {
                List<Capability> caps = capabilities(b, p + 2, pl);
                if (caps == null) {
                    problems.add(MALFORMED_OPEN, -1, "capability overruns its optional parameter",
                            new NotificationMessage(NotificationMessage.OPEN_MESSAGE_ERROR, NotificationMessage.UNSPECIFIC));
                    return done(null, problems);
                }
                params.add(new OptionalParameter.Capabilities(caps));
            } else {
                params.add(new OptionalParameter.Unknown(type, Octets.of(b, p + 2, pl)));
                problems.add(UNSUPPORTED_OPTIONAL_PARAMETER, -1, "optional parameter type " + type,
                        new NotificationMessage(NotificationMessage.OPEN_MESSAGE_ERROR, NotificationMessage.UNSUPPORTED_OPTIONAL_PARAMETER));
            }
            p += 2 + pl;
        }
        OpenMessage open = new OpenMessage(version, myAs, hold, id, params);
        if (version != OpenMessage.VERSION) {
            problems.add(UNSUPPORTED_VERSION, -1, "version " + version, new NotificationMessage(NotificationMessage.OPEN_MESSAGE_ERROR,
                    NotificationMessage.UNSUPPORTED_VERSION_NUMBER, Octets.of((byte) 0, (byte) OpenMessage.VERSION)));
        }
        if (hold == 1 || hold == 2) {
            problems.add(UNACCEPTABLE_HOLD_TIME, -1, "hold time " + hold + " s (must be 0 or >= 3)",
                    new NotificationMessage(NotificationMessage.OPEN_MESSAGE_ERROR, NotificationMessage.UNACCEPTABLE_HOLD_TIME));
        }
        if (Wire.u32(b, off + 5) == 0) {
            problems.add(BAD_BGP_IDENTIFIER, -1, "BGP Identifier 0.0.0.0",
                    new NotificationMessage(NotificationMessage.OPEN_MESSAGE_ERROR, NotificationMessage.BAD_BGP_IDENTIFIER));
        }
        return done(open, problems);
    }

    private static Decoded done(OpenMessage open, Problems problems) {
        Action a = problems.action();
        return new Decoded(open, null, a, problems.list(),
                a == Action.SESSION_RESET ? problems.notificationFor(a) : null);
    }

    private static List<Capability> capabilities(byte[] b, int off, int len) {
        List<Capability> out = new ArrayList<>();
        int p = off;
        int end = off + len;
        while (p < end) {
            if (end - p < 2 || p + 2 + Wire.u8(b, p + 1) > end) {
                return null;
            }
            int code = Wire.u8(b, p);
            int cl = Wire.u8(b, p + 1);
            int v = p + 2;
            Capability c = switch (code) {
                case Capability.MULTIPROTOCOL -> cl == 4
                        ? new Capability.Multiprotocol(Wire.u16(b, v), Wire.u8(b, v + 2), Wire.u8(b, v + 3)) : null;
                case Capability.ROUTE_REFRESH -> cl == 0 ? new Capability.RouteRefresh() : null;
                case Capability.FOUR_OCTET_AS -> cl == 4 ? new Capability.FourOctetAs(Wire.u32(b, v)) : null;
                case Capability.EXTENDED_NEXT_HOP -> extendedNextHop(b, v, cl);
                default -> null;
            };
            out.add(c != null ? c : new Capability.Unknown(code, Octets.of(b, v, cl)));
            p += 2 + cl;
        }
        return out;
    }

    private static Capability extendedNextHop(byte[] b, int v, int cl) {
        if (cl == 0 || cl % 6 != 0) {
            return null;
        }
        List<Capability.ExtendedNextHop.Entry> e = new ArrayList<>();
        for (int i = 0; i < cl; i += 6) {
            e.add(new Capability.ExtendedNextHop.Entry(Wire.u16(b, v + i), Wire.u16(b, v + i + 2),
                    Wire.u16(b, v + i + 4)));
        }
        return new Capability.ExtendedNextHop(e);
    }
}

package org.softwire.bgp.wire;

import java.nio.ByteBuffer;
import java.util.List;
import org.softwire.bgp.internal.OpenParser;
import org.softwire.bgp.internal.Problems;
import org.softwire.bgp.internal.UpdateParser;

/**
 * Bytes to messages, with the negotiated {@link SessionContext}. Framing is separate from parsing:
 * {@link #decode(ByteBuffer)} consumes nothing until a whole message is there. Nothing a peer sends makes it
 * throw; every outcome is counted in {@link #counters()}.
 */
public final class BgpDecoder {
    private volatile SessionContext ctx;
    private final DecodeCounters counters;

    public BgpDecoder(SessionContext ctx) {
        this(ctx, new DecodeCounters());
    }

    public BgpDecoder(SessionContext ctx, DecodeCounters counters) {
        this.ctx = ctx;
        this.counters = counters;
    }

    /** Changes the context once the OPENs are exchanged (capabilities negotiated). */
    public void context(SessionContext ctx) {
        this.ctx = ctx;
    }

    public SessionContext context() {
        return ctx;
    }

    public DecodeCounters counters() {
        return counters;
    }

    /**
     * Decodes the message at the buffer's position if it is complete, and advances past it; returns null (and
     * consumes nothing) if more octets are needed. A header with an impossible length yields a session reset and
     * consumes the rest of the buffer (the session is closing).
     */
    public Decoded decode(ByteBuffer buf) {
        int pos = buf.position();
        int rem = buf.remaining();
        if (rem < BgpMessage.HEADER_LENGTH) {
            return null;
        }
        int len = (buf.get(pos + 16) & 0xff) << 8 | buf.get(pos + 17) & 0xff;
        if (len >= BgpMessage.HEADER_LENGTH && len <= BgpMessage.MAX_LENGTH && rem < len) {
            return null;
        }
        int take = len >= BgpMessage.HEADER_LENGTH && len <= BgpMessage.MAX_LENGTH ? len
                : Math.min(rem, BgpMessage.HEADER_LENGTH);
        byte[] msg = new byte[take];
        buf.get(msg);
        if (take != len) {
            buf.position(buf.limit());
        }
        return decode(msg, 0, take);
    }

    /** Decodes exactly one message, header included, from {@code b[off, off+len)}. */
    public Decoded decode(byte[] b, int off, int len) {
        Decoded d;
        try {
            d = decodeUnchecked(b, off, len);
        } catch (RuntimeException e) {
            d = reset(BgpErrorReason.INTERNAL_ERROR, "decoder defect: " + e,
                    new NotificationMessage(NotificationMessage.CEASE, NotificationMessage.UNSPECIFIC));
        }
        counters.record(d);
        return d;
    }

    private Decoded decodeUnchecked(byte[] b, int off, int len) {
        if (len < BgpMessage.HEADER_LENGTH) {
            return headerError(BgpErrorReason.BAD_MESSAGE_LENGTH, "only " + len + " octets",
                    NotificationMessage.BAD_MESSAGE_LENGTH, Octets.of((byte) (len >> 8), (byte) len));
        }
        for (int i = 0; i < 16; i++) {
            if (b[off + i] != (byte) 0xff) {
                return headerError(BgpErrorReason.BAD_MARKER, "marker octet " + i + " is not 0xff",
                        NotificationMessage.CONNECTION_NOT_SYNCHRONIZED, Octets.EMPTY);
            }
        }
        int hl = (b[off + 16] & 0xff) << 8 | b[off + 17] & 0xff;
        int type = b[off + 18] & 0xff;
        Octets lenData = Octets.of(b, off + 16, 2);
        if (hl != len || hl < BgpMessage.HEADER_LENGTH || hl > BgpMessage.MAX_LENGTH) {
            return headerError(BgpErrorReason.BAD_MESSAGE_LENGTH, "length field " + hl + " (message " + len + ")",
                    NotificationMessage.BAD_MESSAGE_LENGTH, lenData);
        }
        int min = switch (type) {
            case BgpMessage.TYPE_OPEN -> 29;
            case BgpMessage.TYPE_UPDATE -> 23;
            case BgpMessage.TYPE_NOTIFICATION -> 21;
            case BgpMessage.TYPE_KEEPALIVE -> 19;
            case BgpMessage.TYPE_ROUTE_REFRESH -> 23;
            default -> -1;
        };
        if (min < 0) {
            return headerError(BgpErrorReason.BAD_MESSAGE_TYPE, "message type " + type,
                    NotificationMessage.BAD_MESSAGE_TYPE, Octets.of((byte) type));
        }
        boolean fixed = type == BgpMessage.TYPE_KEEPALIVE || type == BgpMessage.TYPE_ROUTE_REFRESH;
        if (len < min || fixed && len != min) {
            return headerError(BgpErrorReason.BAD_MESSAGE_LENGTH, "length " + len + " for message type " + type,
                    NotificationMessage.BAD_MESSAGE_LENGTH, lenData);
        }
        int body = off + BgpMessage.HEADER_LENGTH;
        int bl = len - BgpMessage.HEADER_LENGTH;
        return switch (type) {
            case BgpMessage.TYPE_OPEN -> OpenParser.parse(b, body, bl);
            case BgpMessage.TYPE_UPDATE -> UpdateParser.parse(b, body, bl, ctx);
            case BgpMessage.TYPE_NOTIFICATION -> ok(new NotificationMessage(b[body] & 0xff, b[body + 1] & 0xff,
                    Octets.of(b, body + 2, bl - 2)));
            case BgpMessage.TYPE_KEEPALIVE -> ok(KeepaliveMessage.INSTANCE);
            default -> ok(new RouteRefreshMessage((b[body] & 0xff) << 8 | b[body + 1] & 0xff, b[body + 2] & 0xff,
                    b[body + 3] & 0xff));
        };
    }

    private static Decoded ok(BgpMessage m) {
        return new Decoded(m, null, Action.ACCEPT, List.of(), null);
    }

    private static Decoded headerError(BgpErrorReason r, String detail, int subcode, Octets data) {
        return reset(r, detail, new NotificationMessage(NotificationMessage.MESSAGE_HEADER_ERROR, subcode, data));
    }

    private static Decoded reset(BgpErrorReason r, String detail, NotificationMessage n) {
        Problems p = new Problems();
        p.add(r, -1, detail, n);
        return new Decoded(null, null, Action.SESSION_RESET, p.list(), n);
    }
}

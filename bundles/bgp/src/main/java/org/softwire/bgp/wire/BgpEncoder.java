package org.softwire.bgp.wire;

import org.softwire.bgp.internal.MessageEncoder;

/** Messages to bytes. Stateless; the session context decides 2- or 4-octet ASNs [RFC 6793 §4]. */
public final class BgpEncoder {
    private final SessionContext ctx;

    public BgpEncoder(SessionContext ctx) {
        this.ctx = ctx;
    }

    /**
     * The message with its header.
     *
     * @throws IllegalArgumentException if it exceeds 4096 octets (RFC 4271 §4.1) or has more than 255 octets of
     *         OPEN optional parameters: the caller must split UPDATEs
     */
    public byte[] encode(BgpMessage m) {
        return MessageEncoder.encode(m, ctx);
    }
}

package org.softwire.bgp.tunnel;

import org.softwire.bgp.wire.Octets;

/** L2TPv3 over IP (1) Encapsulation sub-TLV [RFC 9012 §3.2.3]: Session ID (4, non-zero) + Cookie (0-8). */
public record L2tpv3Encapsulation(long sessionId, Octets cookie) implements Encapsulation {
    public static L2tpv3Encapsulation parse(Octets v) throws MalformedSubTlvException {
        if (v.length() < 4 || v.length() > 12) {
            throw new MalformedSubTlvException("L2TPv3 encapsulation length " + v.length() + " not in 4..12");
        }
        long id = (long) v.get(0) << 24 | v.get(1) << 16 | v.get(2) << 8 | v.get(3);
        if (id == 0) {
            throw new MalformedSubTlvException("L2TPv3 session ID 0");
        }
        return new L2tpv3Encapsulation(id, Octets.of(v.toByteArray(), 4, v.length() - 4));
    }

    @Override
    public Octets encode() {
        byte[] b = new byte[4 + cookie.length()];
        b[0] = (byte) (sessionId >> 24);
        b[1] = (byte) (sessionId >> 16);
        b[2] = (byte) (sessionId >> 8);
        b[3] = (byte) sessionId;
        cookie.copyTo(b, 4);
        return Octets.of(b);
    }
}

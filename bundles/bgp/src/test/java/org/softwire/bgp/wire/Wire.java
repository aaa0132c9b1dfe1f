package org.softwire.bgp.wire;

import java.util.HexFormat;
import java.util.Set;

/** Test helpers: hex, message framing, the contexts the tests use. */
final class Wire {
    static final HexFormat HEX = HexFormat.of();
    /** Documentation addresses are allowed as egress endpoints (RFC 9012 §3.1 relaxation) in tests. */
    static final SessionContext EBGP = SessionContext.DEFAULT.withEndpointCheck(SessionContext.EndpointCheck.ALLOW_DOCUMENTATION);
    static final SessionContext IBGP = EBGP.withIbgp(true);
    static final SessionContext OLD = EBGP.withFourOctetAs(false);

    private Wire() {
    }

    static byte[] hex(String s) {
        return HEX.parseHex(s.replaceAll("[\\s·|]", ""));
    }

    static String hex(byte[] b) {
        return HEX.formatHex(b);
    }

    /** A whole message: marker, length, type, body. */
    static byte[] message(int type, byte[] body) {
        byte[] m = new byte[19 + body.length];
        java.util.Arrays.fill(m, 0, 16, (byte) 0xff);
        m[16] = (byte) (m.length >> 8);
        m[17] = (byte) m.length;
        m[18] = (byte) type;
        System.arraycopy(body, 0, m, 19, body.length);
        return m;
    }

    /** An UPDATE from hex withdrawn routes, attributes and NLRI (lengths computed). */
    static byte[] update(String withdrawn, String attributes, String nlri) {
        byte[] w = hex(withdrawn);
        byte[] a = hex(attributes);
        byte[] n = hex(nlri);
        byte[] body = new byte[4 + w.length + a.length + n.length];
        body[0] = (byte) (w.length >> 8);
        body[1] = (byte) w.length;
        System.arraycopy(w, 0, body, 2, w.length);
        body[2 + w.length] = (byte) (a.length >> 8);
        body[3 + w.length] = (byte) a.length;
        System.arraycopy(a, 0, body, 4 + w.length, a.length);
        System.arraycopy(n, 0, body, 4 + w.length + a.length, n.length);
        return message(2, body);
    }

    static Decoded decode(SessionContext ctx, byte[] m) {
        return new BgpDecoder(ctx).decode(m, 0, m.length);
    }

    /** ORIGIN IGP + AS_PATH {65001} (4-octet) + NEXT_HOP 192.0.2.1: a valid classic IPv4 set. */
    static final String BASE = "40010100" + "4002060201 0000fde9" + "400304c0000201";
    /** NLRI 198.51.100.0/24. */
    static final String NLRI = "18c63364";
    /** MP_REACH IPv4 unicast, next hop 2001:db8::1 (RFC 8950), NLRI 198.51.100.0/24. */
    static final String MP_REACH_V4_V6NH = "800e19 0001 01 10 20010db8000000000000000000000001 00 18c63364";
    static final String ORIGIN_ASPATH = "40010100" + "4002060201 0000fde9";
    static final Set<AfiSafi> NONE = Set.of();
}

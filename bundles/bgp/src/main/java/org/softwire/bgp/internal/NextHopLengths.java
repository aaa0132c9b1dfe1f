package org.softwire.bgp.internal;

import org.softwire.bgp.wire.AfiSafi;
import org.softwire.bgp.wire.SessionContext;

/** Next-hop lengths MP_REACH_NLRI may carry per family [RFC 4760 §3, RFC 8950 §3, RFC 4798 §2, RFC 5512 §3]. */
final class NextHopLengths {
    private NextHopLengths() {
    }

    static boolean allowed(AfiSafi f, int len, SessionContext ctx) {
        if (f.afi() == AfiSafi.AFI_IPV6) {
            return len == 16 || len == 32;
        }
        if (f.afi() == AfiSafi.AFI_IPV4) {
            return len == 4 || ctx.extendedNextHop().contains(f) && (len == 16 || len == 32);
        }
        return true;
    }

    static String expected(AfiSafi f, SessionContext ctx) {
        if (f.afi() == AfiSafi.AFI_IPV6) {
            return " (16 or 32)";
        }
        return ctx.extendedNextHop().contains(f) ? " (4, 16 or 32)"
                : " (4; 16/32 need the extended next hop capability, RFC 8950)";
    }
}

package org.softwire.encap.codecs.internal;

import org.softwire.encap.EcnMode;

/**
 * RFC 6040 ECN handling for any IP-in-IP combination (RFC 6040 §1.1 covers IPv4/IPv6 in either, and GRE).
 * ECN codepoints: 0 Not-ECT, 1 ECT(1), 2 ECT(0), 3 CE.
 */
final class Ecn {
    static final int NOT_ECT = 0;
    static final int ECT_1 = 1;
    static final int ECT_0 = 2;
    static final int CE = 3;
    /** Result of {@link #egress} when the packet must be dropped. */
    static final int DROP = -1;

    private Ecn() {
    }

    /**
     * RFC 6040 §4.1 ingress: the inner ECN field is never changed; normal mode copies it into the outer header,
     * compatibility mode (§4.3, for legacy egresses) sets the outer to Not-ECT.
     */
    static int ingress(int innerEcn, EcnMode mode) {
        return mode == EcnMode.NORMAL ? innerEcn & 3 : NOT_ECT;
    }

    /** Severity order used by the egress table: Not-ECT < ECT(0) < ECT(1) < CE. */
    private static int severity(int ecn) {
        switch (ecn & 3) {
            case ECT_0: return 1;
            case ECT_1: return 2;
            case CE: return 3;
            default: return 0;
        }
    }

    /**
     * RFC 6040 §4.2 egress table (Figure 4): an inner Not-ECT packet stays Not-ECT and is dropped if the outer
     * says CE (the congestion cannot be signalled to a transport that does not understand ECN); otherwise the
     * result is the more severe of inner and outer.
     *
     * @return the ECN field for the decapsulated packet, or {@link #DROP}
     */
    static int egress(int innerEcn, int outerEcn) {
        int inner = innerEcn & 3;
        int outer = outerEcn & 3;
        if (inner == NOT_ECT) {
            return outer == CE ? DROP : NOT_ECT;
        }
        return severity(outer) > severity(inner) ? outer : inner;
    }
}

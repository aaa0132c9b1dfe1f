package org.softwire.nat44.internal.session;

import org.softwire.nat44.TcpState;
import org.softwire.packet.TcpHeader;

/** The TCP session state machine of RFC 7857 §2 (Figure 1), on state ordinals ({@link TcpState}). */
final class Tcp {
    static final int NONE = TcpState.NONE.ordinal();
    static final int INIT = TcpState.INIT.ordinal();
    static final int INBOUND_SYN = TcpState.INBOUND_SYN.ordinal();
    static final int ESTABLISHED = TcpState.ESTABLISHED.ordinal();
    static final int CLIENT_FIN = TcpState.CLIENT_FIN.ordinal();
    static final int SERVER_FIN = TcpState.SERVER_FIN.ordinal();
    static final int BOTH_FIN = TcpState.BOTH_FIN.ordinal();
    static final int TRANS = TcpState.TRANS.ordinal();

    private Tcp() {
    }

    /** State of a session created by a packet with these flags in this direction. */
    static int initial(int flags, boolean outbound) {
        boolean syn = (flags & (TcpHeader.FLAG_SYN | TcpHeader.FLAG_RST)) == TcpHeader.FLAG_SYN;
        if (syn && (flags & TcpHeader.FLAG_ACK) == 0) {
            return outbound ? INIT : INBOUND_SYN;
        }
        // Mid-connection packet without a session (after a clear or a lost hand-over): transitory until a
        // further non-RST packet re-establishes it (RFC 7857 §2: TRANS, "data pkt" -> ESTABLISHED).
        return TRANS;
    }

    private static boolean newSyn(int flags) {
        return (flags & (TcpHeader.FLAG_SYN | TcpHeader.FLAG_ACK)) == TcpHeader.FLAG_SYN;
    }

    /** The next state after a packet with {@code flags}; {@code outbound} = sent by the inside (client) endpoint. */
    static int next(int state, int flags, boolean outbound) {
        if ((flags & TcpHeader.FLAG_RST) != 0) {
            return TRANS; // RFC 7857 §2.2: translate, keep 4 minutes
        }
        boolean syn = (flags & TcpHeader.FLAG_SYN) != 0;
        boolean fin = (flags & TcpHeader.FLAG_FIN) != 0;
        switch (state) {
            case 1: // INIT: waiting for the server SYN
                return !outbound && syn ? ESTABLISHED : INIT;
            case 2: // INBOUND_SYN: waiting for the client SYN (simultaneous open or a server behind the NAT)
                return outbound && syn ? ESTABLISHED : INBOUND_SYN;
            case 3: // ESTABLISHED
                return fin ? (outbound ? CLIENT_FIN : SERVER_FIN) : ESTABLISHED;
            case 4: // CLIENT_FIN
                return !outbound && fin ? BOTH_FIN : CLIENT_FIN;
            case 5: // SERVER_FIN
                return outbound && fin ? BOTH_FIN : SERVER_FIN;
            case 6: // BOTH_FIN: only the transitory timer ends it, or a new connection on the same 5-tuple
                return newSyn(flags) ? (outbound ? INIT : INBOUND_SYN) : BOTH_FIN;
            case 7: // TRANS: a new SYN starts over, any other packet but RST re-establishes
                return newSyn(flags) ? (outbound ? INIT : INBOUND_SYN) : ESTABLISHED;
            default:
                return state;
        }
    }
}

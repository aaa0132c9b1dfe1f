package org.softwire.nat44;

/**
 * TCP session states: the state machine of RFC 7857 §2 (Figure 1, adapted from RFC 6146), plus the
 * unsolicited inbound SYN state whose 6 s timer is RFC 8512's {@code tcp-in-syn-timeout} (RFC 5382 REQ-4).
 * "Client" is the inside endpoint, "server" the remote one.
 */
public enum TcpState {
    /** Not TCP (UDP and ICMP sessions). */
    NONE,
    /** Client SYN seen, server SYN not yet: partially open (transitory open timeout). */
    INIT,
    /** Server SYN seen on an existing mapping, client SYN not yet (inbound SYN timeout, 6 s). */
    INBOUND_SYN,
    /** SYN seen from both sides (established idle timeout). */
    ESTABLISHED,
    /** Client FIN seen (established timeout). */
    CLIENT_FIN,
    /** Server FIN seen (established timeout). */
    SERVER_FIN,
    /** FIN seen from both sides (transitory close timeout). */
    BOTH_FIN,
    /** RST seen (transitory close timeout, RFC 7857 §2.2); a later non-RST packet re-establishes. */
    TRANS;

    private static final TcpState[] VALUES = values();

    /** The state with this ordinal (no allocation). */
    public static TcpState ofOrdinal(int ordinal) { return VALUES[ordinal]; }

    public String label() { return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'); }
}

package org.softwire.dhcpv6.client;

/** Where a client is in RFC 8415 §18 (one state per outstanding exchange, plus the resting states). */
public enum ClientState {
    /** Not running (closed, or the socket could not be opened: see {@link Dhcpv6Client#lastError()}). */
    STOPPED,
    /** Information-request sent, waiting for its Reply (§18.2.6). */
    INFORMING,
    /** Solicit sent, collecting Advertises (§18.2.1, §18.2.9). */
    SOLICITING,
    /** Request sent to the selected server (§18.2.2). */
    REQUESTING,
    /** Configured; stateless: waiting for the information refresh time (§18.2.6); stateful: for T1. */
    BOUND,
    /** Renew sent to the server of the lease (§18.2.4). */
    RENEWING,
    /** Rebind sent to all servers (§18.2.5). */
    REBINDING,
    /** Release sent (§18.2.7). */
    RELEASING;

    /** Lower case with dashes, as shown by the console. */
    public String label() { return name().toLowerCase(java.util.Locale.ROOT); }
}

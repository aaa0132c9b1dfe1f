package org.softwire.dhcpv6.client;

import java.util.Locale;

/**
 * Why the client discarded a message that decoded well (RFC 8415 §16, §18.2.9, §18.2.10); decode failures are
 * counted under {@link org.softwire.dhcpv6.Dhcpv6DropReason}. Every label is listed in {@code docs/counters.md}.
 */
public enum ClientDropReason {
    NOT_FOR_CLIENT("a message type a client MUST discard (Solicit, Request, Confirm, Renew, Rebind, Release, "
            + "Decline, Information-request, relay messages)", "RFC 8415 §16.2, §16.4-§16.9, §16.12-§16.14"),
    RECONFIGURE_UNSUPPORTED("Reconfigure: this client negotiates no reconfigure key, so none can authenticate",
            "RFC 8415 §16.11"),
    NO_EXCHANGE("no exchange of this client is waiting for this message type", "RFC 8415 §16.3, §16.10"),
    TRANSACTION_ID_MISMATCH("transaction-id differs from the outstanding exchange's", "RFC 8415 §16.3, §16.10"),
    MISSING_SERVER_ID("no Server Identifier option", "RFC 8415 §16.3, §16.10"),
    MISSING_CLIENT_ID("no Client Identifier option although the client sent one", "RFC 8415 §16.3, §16.10"),
    CLIENT_ID_MISMATCH("Client Identifier option does not hold this client's DUID", "RFC 8415 §16.3, §16.10"),
    WRONG_SERVER("Reply to a Request or Renew from another server than the one asked", "RFC 8415 §18.2.10"),
    ADVERTISE_WITHOUT_LEASES("Advertise with no address and no prefix (or a failure status): ignored",
            "RFC 8415 §18.2.9"),
    REPLY_FAILURE_STATUS("Reply with a failure status code (UnspecFail, NoBinding, NotOnLink, UseMulticast, "
            + "NoAddrsAvail ...): not used", "RFC 8415 §18.2.10, §18.2.10.1"),
    RECEIVE_ERROR("the socket returned an error or a datagram larger than the receive buffer", "implementation");

    private final String description;
    private final String reference;

    ClientDropReason(String description, String reference) {
        this.description = description;
        this.reference = reference;
    }

    public String description() { return description; }

    public String reference() { return reference; }

    /** e.g. {@code transaction-id-mismatch}. */
    public String label() { return name().toLowerCase(Locale.ROOT).replace('_', '-'); }
}

package org.softwire.dhcpv6.server;

import java.util.Locale;

/**
 * Why the server dropped a message it decoded (decode failures are counted under
 * {@link org.softwire.dhcpv6.Dhcpv6DropReason}). Each is counted per server; {@code docs/counters.md} lists them.
 */
public enum ServerDropReason {
    NOT_FOR_SERVER("a message type servers do not accept (Advertise, Reply, Reconfigure, Relay-reply)",
            "RFC 8415 §16"),
    MISSING_CLIENT_ID("Solicit, Request, Confirm, Renew, Rebind, Decline or Release without a Client Identifier",
            "RFC 8415 §16.2-§16.10"),
    UNEXPECTED_SERVER_ID("Solicit, Confirm or Rebind with a Server Identifier", "RFC 8415 §16.2, §16.5, §16.7"),
    MISSING_SERVER_ID("Request, Renew, Decline or Release without a Server Identifier", "RFC 8415 §16.4, §16.6, "
            + "§16.8, §16.9"),
    SERVER_ID_MISMATCH("Server Identifier is not this server's DUID", "RFC 8415 §16.4, §16.6, §16.8, §16.9, §16.12"),
    INFORMATION_REQUEST_WITH_IA("Information-request carrying an IA option", "RFC 8415 §16.12"),
    NO_SUBNET("no subnet configured for the link the message came from", "RFC 8415 §13.1"),
    CONFIRM_WITHOUT_ADDRESSES("Confirm without any address in its IAs: no Reply", "RFC 8415 §18.3.3"),
    SEND_FAILED("the reply could not be sent (socket error, logged)", "implementation");

    private final String description;
    private final String reference;

    ServerDropReason(String description, String reference) {
        this.description = description;
        this.reference = reference;
    }

    public String description() { return description; }

    public String reference() { return reference; }

    /** Lower case with dashes, e.g. {@code server-id-mismatch}. */
    public String label() { return name().toLowerCase(Locale.ROOT).replace('_', '-'); }
}

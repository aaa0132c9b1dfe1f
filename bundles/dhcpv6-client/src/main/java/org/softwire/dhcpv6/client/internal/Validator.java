package org.softwire.dhcpv6.client.internal;

import org.softwire.dhcpv6.ClientServerMessage;
import org.softwire.dhcpv6.Dhcpv6Message;
import org.softwire.dhcpv6.MessageType;
import org.softwire.dhcpv6.Octets;
import org.softwire.dhcpv6.client.ClientDropReason;
import org.softwire.dhcpv6.option.ClientIdOption;
import org.softwire.dhcpv6.option.ServerIdOption;

/** RFC 8415 §16: whether a client keeps a received message. One rule per line, in the order of §16. */
final class Validator {
    private Validator() {
    }

    /**
     * Null if {@code m} is a valid answer to the outstanding exchange ({@code sent} type, {@code xid}), else why
     * it is discarded. {@code sent} is null when no exchange is outstanding. This client always sends its Client
     * Identifier, so §16.10's "MUST include a Client Identifier option" applies to every Reply.
     */
    static ClientDropReason check(Dhcpv6Message m, MessageType sent, int xid, Octets duid) {
        switch (m.type()) {
            case ADVERTISE, REPLY -> {
            }
            case RECONFIGURE -> {
                return ClientDropReason.RECONFIGURE_UNSUPPORTED;        // §16.11: no RKAP key negotiated
            }
            default -> {
                return ClientDropReason.NOT_FOR_CLIENT;                 // §16.2, §16.4-§16.9, §16.12-§16.14
            }
        }
        if (sent == null || (m.type() == MessageType.ADVERTISE && sent != MessageType.SOLICIT)) {
            return ClientDropReason.NO_EXCHANGE;
        }
        if (((ClientServerMessage) m).transactionId() != xid) {
            return ClientDropReason.TRANSACTION_ID_MISMATCH;            // §16.3, §16.10, §16.1
        }
        if (m.option(ServerIdOption.class).isEmpty()) {
            return ClientDropReason.MISSING_SERVER_ID;                  // §16.3, §16.10
        }
        var clientId = m.option(ClientIdOption.class);
        if (clientId.isEmpty()) {
            return ClientDropReason.MISSING_CLIENT_ID;                  // §16.3, §16.10
        }
        if (!clientId.get().duid().bytes().equals(duid)) {
            return ClientDropReason.CLIENT_ID_MISMATCH;                 // §16.3, §16.10
        }
        return null;
    }
}

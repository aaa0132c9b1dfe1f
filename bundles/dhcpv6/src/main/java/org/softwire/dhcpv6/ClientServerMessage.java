package org.softwire.dhcpv6;

import java.util.List;
import java.util.Objects;

/**
 * A client/server message (RFC 8415 §8): {@code |msg-type (1)|transaction-id (3)|options|}.
 *
 * @param transactionId 24-bit transaction id, 0..0xffffff
 */
public record ClientServerMessage(MessageType type, int transactionId, List<Dhcpv6Option> options)
        implements Dhcpv6Message {
    public ClientServerMessage {
        Objects.requireNonNull(type, "type");
        if (type.isRelay()) {
            throw new IllegalArgumentException(type + " is a relay message: use RelayMessage");
        }
        if ((transactionId & ~0xffffff) != 0) {
            throw new IllegalArgumentException("transaction-id " + transactionId + " outside 0..0xffffff");
        }
        options = List.copyOf(options);
    }

    public ClientServerMessage(MessageType type, int transactionId, Dhcpv6Option... options) {
        this(type, transactionId, List.of(options));
    }
}

package org.softwire.dhcpv6;

import java.net.Inet6Address;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A Relay-forward or Relay-reply message (RFC 8415 §9):
 * {@code |msg-type (1)|hop-count (1)|link-address (16)|peer-address (16)|options|}; the options include the
 * relayed message as a {@link RelayMessageOption} (§9.1, §9.2: MUST).
 */
public record RelayMessage(MessageType type, int hopCount, Inet6Address linkAddress, Inet6Address peerAddress,
        List<Dhcpv6Option> options) implements Dhcpv6Message {
    public RelayMessage {
        Objects.requireNonNull(type, "type");
        if (!type.isRelay()) {
            throw new IllegalArgumentException(type + " is not a relay message: use ClientServerMessage");
        }
        if (hopCount < 0 || hopCount > 255) {
            throw new IllegalArgumentException("hop-count " + hopCount + " outside 0..255");
        }
        Objects.requireNonNull(linkAddress, "linkAddress");
        Objects.requireNonNull(peerAddress, "peerAddress");
        options = List.copyOf(options);
    }

    /** The relayed message (the first Relay Message option), if any. */
    public Optional<Dhcpv6Message> relayed() {
        return option(RelayMessageOption.class).map(RelayMessageOption::message);
    }

    /** The innermost client/server message, unwrapping nested relays. */
    public Optional<ClientServerMessage> innermost() {
        Dhcpv6Message m = this;
        while (m instanceof RelayMessage r) {
            Optional<Dhcpv6Message> next = r.relayed();
            if (next.isEmpty()) {
                return Optional.empty();
            }
            m = next.get();
        }
        return Optional.of((ClientServerMessage) m);
    }
}

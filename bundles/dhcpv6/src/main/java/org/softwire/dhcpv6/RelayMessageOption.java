package org.softwire.dhcpv6;

import java.util.Objects;

/**
 * OPTION_RELAY_MSG (9, RFC 8415 §21.10): the message a relay forwards, or the reply it is to deliver. Decoded and
 * encoded by {@link Dhcpv6MessageCodec} itself, since it holds a whole message.
 */
public record RelayMessageOption(Dhcpv6Message message) implements Dhcpv6Option {
    public RelayMessageOption {
        Objects.requireNonNull(message, "message");
    }

    @Override
    public int code() { return OptionCodes.RELAY_MSG; }
}

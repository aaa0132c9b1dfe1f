package org.softwire.dhcpv6;

import java.util.Objects;

/**
 * An option no codec is registered for, kept as its option-data and re-encoded verbatim (RFC 8415 §16: unknown
 * options are not a reason to discard a message).
 */
public record UnknownOption(int code, Octets data) implements Dhcpv6Option {
    public UnknownOption {
        OptionCodes.checkCode(code);
        Objects.requireNonNull(data, "data");
        if (data.length() > 0xffff) {
            throw new IllegalArgumentException("option-data of " + data.length() + " octets exceeds 65535");
        }
    }
}

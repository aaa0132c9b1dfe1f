package org.softwire.dhcpv6;

/**
 * A decoded DHCPv6 option (RFC 8415 §21.1): an immutable record whose wire form an {@link OptionCodec} for
 * {@link #code()} knows. Options without a codec are {@link UnknownOption}s.
 */
public interface Dhcpv6Option {
    /** The option-code, 0..65535. */
    int code();
}

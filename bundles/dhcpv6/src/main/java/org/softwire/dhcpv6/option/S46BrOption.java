package org.softwire.dhcpv6.option;

import java.net.Inet6Address;
import java.util.Objects;
import org.softwire.dhcpv6.Dhcpv6Option;
import org.softwire.dhcpv6.OptionCodes;

/** OPTION_S46_BR (90, RFC 7598 §4.2): {@code |br-ipv6-address (16)|}; several may appear. */
public record S46BrOption(Inet6Address address) implements Dhcpv6Option {
    public S46BrOption {
        Objects.requireNonNull(address, "address");
    }

    @Override
    public int code() { return OptionCodes.S46_BR; }
}

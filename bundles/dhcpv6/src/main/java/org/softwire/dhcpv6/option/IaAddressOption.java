package org.softwire.dhcpv6.option;

import java.net.Inet6Address;
import java.util.List;
import java.util.Objects;
import org.softwire.dhcpv6.Dhcpv6Option;
import org.softwire.dhcpv6.OptionCodes;

/**
 * OPTION_IAADDR (5, RFC 8415 §21.6), inside an IA_NA:
 * {@code |IPv6 address (16)|preferred-lifetime (4)|valid-lifetime (4)|IAaddr-options|}. A client discards an
 * address whose preferred lifetime exceeds its valid lifetime (§21.6); see {@link #lifetimesConsistent()}.
 */
public record IaAddressOption(Inet6Address address, long preferredLifetime, long validLifetime,
        List<Dhcpv6Option> options) implements Dhcpv6Option {
    public IaAddressOption {
        Objects.requireNonNull(address, "address");
        Checks.u32(preferredLifetime, "preferred lifetime");
        Checks.u32(validLifetime, "valid lifetime");
        options = Checks.options(options);
    }

    @Override
    public int code() { return OptionCodes.IAADDR; }

    /** RFC 8415 §21.6: preferred ≤ valid, else the client MUST discard the address. */
    public boolean lifetimesConsistent() { return preferredLifetime <= validLifetime; }
}

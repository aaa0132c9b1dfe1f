package org.softwire.dhcpv6.option;

import java.util.List;
import java.util.Objects;
import org.softwire.dhcpv6.Dhcpv6Option;
import org.softwire.dhcpv6.Ipv6Prefix;
import org.softwire.dhcpv6.OptionCodes;

/**
 * OPTION_IAPREFIX (26, RFC 8415 §21.22), inside an IA_PD:
 * {@code |preferred-lifetime (4)|valid-lifetime (4)|prefix-length (1)|IPv6 prefix (16)|IAprefix-options|}.
 */
public record IaPrefixOption(long preferredLifetime, long validLifetime, Ipv6Prefix prefix,
        List<Dhcpv6Option> options) implements Dhcpv6Option {
    public IaPrefixOption {
        Checks.u32(preferredLifetime, "preferred lifetime");
        Checks.u32(validLifetime, "valid lifetime");
        Objects.requireNonNull(prefix, "prefix");
        options = Checks.options(options);
    }

    @Override
    public int code() { return OptionCodes.IAPREFIX; }

    /** RFC 8415 §21.22: preferred ≤ valid, else the client MUST discard the prefix. */
    public boolean lifetimesConsistent() { return preferredLifetime <= validLifetime; }
}

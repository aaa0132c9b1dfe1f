package org.softwire.dhcpv6.option;

import java.net.Inet4Address;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.softwire.dhcpv6.Dhcpv6Option;
import org.softwire.dhcpv6.Ipv6Prefix;
import org.softwire.dhcpv6.OptionCodes;

/**
 * OPTION_S46_V4V6BIND (92, RFC 7598 §4.4): {@code |ipv4-address (4)|bindprefix6-len (1)|bind-ipv6-prefix
 * (ceil(len/8))|S46_V4V6BIND-options|}.
 */
public record S46V4V6BindOption(Inet4Address ipv4Address, Ipv6Prefix bindPrefix, List<Dhcpv6Option> options)
        implements Dhcpv6Option {
    public S46V4V6BindOption {
        Objects.requireNonNull(ipv4Address, "ipv4Address");
        Objects.requireNonNull(bindPrefix, "bindPrefix");
        options = Checks.options(options);
        String bad = S46Containers.portParamsProblem(options);
        if (bad != null) {
            throw new IllegalArgumentException("S46_V4V6BIND: " + bad);
        }
    }

    @Override
    public int code() { return OptionCodes.S46_V4V6BIND; }

    public Optional<S46PortParamsOption> portParams() {
        return Checks.ofType(options, S46PortParamsOption.class).stream().findFirst();
    }
}

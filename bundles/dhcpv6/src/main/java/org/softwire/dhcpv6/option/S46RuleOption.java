package org.softwire.dhcpv6.option;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.softwire.dhcpv6.Dhcpv6Option;
import org.softwire.dhcpv6.Ipv4Prefix;
import org.softwire.dhcpv6.Ipv6Prefix;
import org.softwire.dhcpv6.OptionCodes;

/**
 * OPTION_S46_RULE (89, RFC 7598 §4.1): {@code |flags (1)|ea-len (1)|prefix4-len (1)|ipv4-prefix (4)|prefix6-len
 * (1)|ipv6-prefix (ceil(prefix6-len/8))|S46_RULE-options|}. {@code fmr} is the F flag: the rule is also a
 * Forwarding Mapping Rule; without it the rule is a BMR only and MUST NOT be used for forwarding.
 *
 * @param eaLength EA-bit length, 0..48
 */
public record S46RuleOption(boolean fmr, int eaLength, Ipv4Prefix ipv4Prefix, Ipv6Prefix ipv6Prefix,
        List<Dhcpv6Option> options) implements Dhcpv6Option {
    public S46RuleOption {
        Checks.range(eaLength, 0, 48, "ea-len");
        Objects.requireNonNull(ipv4Prefix, "ipv4Prefix");
        Objects.requireNonNull(ipv6Prefix, "ipv6Prefix");
        options = Checks.options(options);
        String bad = S46Containers.portParamsProblem(options);
        if (bad != null) {
            throw new IllegalArgumentException("S46_RULE: " + bad);
        }
    }

    public S46RuleOption(boolean fmr, int eaLength, Ipv4Prefix ipv4Prefix, Ipv6Prefix ipv6Prefix) {
        this(fmr, eaLength, ipv4Prefix, ipv6Prefix, List.of());
    }

    @Override
    public int code() { return OptionCodes.S46_RULE; }

    public Optional<S46PortParamsOption> portParams() {
        return Checks.ofType(options, S46PortParamsOption.class).stream().findFirst();
    }
}

package org.softwire.dhcpv6.option;

import java.util.List;
import java.util.Optional;
import org.softwire.dhcpv6.Dhcpv6Option;
import org.softwire.dhcpv6.OptionCodes;

/**
 * OPTION_S46_CONT_MAPE (94, RFC 7598 §5.1): the MAP-E provisioning options of one domain, checked against Table 1
 * (§6) on construction.
 */
public record S46MapEContainer(List<Dhcpv6Option> options) implements Dhcpv6Option {
    public S46MapEContainer {
        options = Checks.options(options);
        S46Containers.validate(OptionCodes.S46_CONT_MAPE, options);
    }

    public S46MapEContainer(Dhcpv6Option... options) {
        this(List.of(options));
    }

    @Override
    public int code() { return OptionCodes.S46_CONT_MAPE; }

    public List<S46RuleOption> rules() { return Checks.ofType(options, S46RuleOption.class); }

    public List<S46BrOption> borderRelays() { return Checks.ofType(options, S46BrOption.class); }

    public Optional<S46DmrOption> dmr() { return Checks.ofType(options, S46DmrOption.class).stream().findFirst(); }

    public Optional<S46V4V6BindOption> binding() {
        return Checks.ofType(options, S46V4V6BindOption.class).stream().findFirst();
    }

    public Optional<S46PortParamsOption> portParams() {
        return Checks.ofType(options, S46PortParamsOption.class).stream().findFirst();
    }
}

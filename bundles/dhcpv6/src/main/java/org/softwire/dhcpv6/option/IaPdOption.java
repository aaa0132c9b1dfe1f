package org.softwire.dhcpv6.option;

import java.util.List;
import org.softwire.dhcpv6.Dhcpv6Option;
import org.softwire.dhcpv6.OptionCodes;

/**
 * OPTION_IA_PD (25, RFC 8415 §21.21): {@code |IAID (4)|T1 (4)|T2 (4)|IA_PD-options|}, options typically
 * {@link IaPrefixOption}s and a {@link StatusCodeOption}.
 */
public record IaPdOption(long iaid, long t1, long t2, List<Dhcpv6Option> options) implements Dhcpv6Option {
    public IaPdOption {
        Checks.u32(iaid, "IAID");
        Checks.u32(t1, "T1");
        Checks.u32(t2, "T2");
        options = Checks.options(options);
    }

    @Override
    public int code() { return OptionCodes.IA_PD; }

    public List<IaPrefixOption> prefixes() { return Checks.ofType(options, IaPrefixOption.class); }
}

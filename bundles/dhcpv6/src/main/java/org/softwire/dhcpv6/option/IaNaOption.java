package org.softwire.dhcpv6.option;

import java.util.List;
import org.softwire.dhcpv6.Dhcpv6Option;
import org.softwire.dhcpv6.OptionCodes;

/**
 * OPTION_IA_NA (3, RFC 8415 §21.4): {@code |IAID (4)|T1 (4)|T2 (4)|IA_NA-options|}, options typically
 * {@link IaAddressOption}s and a {@link StatusCodeOption}. Times in seconds, 0xffffffff = infinity (§7.7).
 */
public record IaNaOption(long iaid, long t1, long t2, List<Dhcpv6Option> options) implements Dhcpv6Option {
    public static final long INFINITY = 0xffffffffL;

    public IaNaOption {
        Checks.u32(iaid, "IAID");
        Checks.u32(t1, "T1");
        Checks.u32(t2, "T2");
        options = Checks.options(options);
    }

    @Override
    public int code() { return OptionCodes.IA_NA; }

    public List<IaAddressOption> addresses() { return Checks.ofType(options, IaAddressOption.class); }
}

package org.softwire.dhcpv6.option;

import org.softwire.dhcpv6.Dhcpv6Option;
import org.softwire.dhcpv6.OptionCodes;

/** OPTION_ELAPSED_TIME (8, RFC 8415 §21.9): {@code |elapsed-time (2)|} in hundredths of a second, 0xffff = more. */
public record ElapsedTimeOption(int hundredths) implements Dhcpv6Option {
    public ElapsedTimeOption {
        Checks.range(hundredths, 0, 0xffff, "elapsed time");
    }

    @Override
    public int code() { return OptionCodes.ELAPSED_TIME; }
}

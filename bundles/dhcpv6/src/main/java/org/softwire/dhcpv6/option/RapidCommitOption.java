package org.softwire.dhcpv6.option;

import org.softwire.dhcpv6.Dhcpv6Option;
import org.softwire.dhcpv6.OptionCodes;

/** OPTION_RAPID_COMMIT (14, RFC 8415 §21.14): no data. */
public record RapidCommitOption() implements Dhcpv6Option {
    @Override
    public int code() { return OptionCodes.RAPID_COMMIT; }
}

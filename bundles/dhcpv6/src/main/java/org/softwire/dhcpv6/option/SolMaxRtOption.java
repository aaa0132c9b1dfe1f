package org.softwire.dhcpv6.option;

import org.softwire.dhcpv6.Dhcpv6Option;
import org.softwire.dhcpv6.OptionCodes;

/**
 * OPTION_SOL_MAX_RT (82, RFC 8415 §21.24): {@code |value (4)|} seconds, 60..86400 (a client MUST ignore other values,
 * so the codec drops them as {@code option-bad-value}).
 */
public record SolMaxRtOption(long seconds) implements Dhcpv6Option {
    public static final long MIN = 60;
    public static final long MAX = 86_400;

    public SolMaxRtOption {
        if (seconds < MIN || seconds > MAX) {
            throw new IllegalArgumentException("SOL_MAX_RT " + seconds + " outside 60..86400 (RFC 8415 §21.24)");
        }
    }

    @Override
    public int code() { return OptionCodes.SOL_MAX_RT; }
}

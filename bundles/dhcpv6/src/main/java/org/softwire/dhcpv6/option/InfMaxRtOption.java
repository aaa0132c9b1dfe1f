package org.softwire.dhcpv6.option;

import org.softwire.dhcpv6.Dhcpv6Option;
import org.softwire.dhcpv6.OptionCodes;

/**
 * OPTION_INF_MAX_RT (83, RFC 8415 §21.25): {@code |value (4)|} seconds, 60..86400 (a client MUST ignore other values,
 * so the codec drops them as {@code option-bad-value}).
 */
public record InfMaxRtOption(long seconds) implements Dhcpv6Option {
    public static final long MIN = 60;
    public static final long MAX = 86_400;

    public InfMaxRtOption {
        if (seconds < MIN || seconds > MAX) {
            throw new IllegalArgumentException("INF_MAX_RT " + seconds + " outside 60..86400 (RFC 8415 §21.25)");
        }
    }

    @Override
    public int code() { return OptionCodes.INF_MAX_RT; }
}

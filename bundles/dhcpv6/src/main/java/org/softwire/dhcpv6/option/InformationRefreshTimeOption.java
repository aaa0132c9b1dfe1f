package org.softwire.dhcpv6.option;

import org.softwire.dhcpv6.Dhcpv6Option;
import org.softwire.dhcpv6.OptionCodes;

/**
 * OPTION_INFORMATION_REFRESH_TIME (32, RFC 8415 §21.23): {@code |refresh time (4)|} seconds, 0xffffffff =
 * infinity. A client uses IRT_MINIMUM (600) for smaller values: {@link #effectiveSeconds()}.
 */
public record InformationRefreshTimeOption(long seconds) implements Dhcpv6Option {
    public static final long IRT_MINIMUM = 600;

    public InformationRefreshTimeOption {
        Checks.u32(seconds, "information refresh time");
    }

    @Override
    public int code() { return OptionCodes.INFORMATION_REFRESH_TIME; }

    /** §21.23: at least IRT_MINIMUM. */
    public long effectiveSeconds() { return Math.max(IRT_MINIMUM, seconds); }
}

package org.softwire.dhcpv6.option;

import org.softwire.dhcpv6.Dhcpv6Option;
import org.softwire.dhcpv6.OptionCodes;

/** OPTION_PREFERENCE (7, RFC 8415 §21.8): {@code |pref-value (1)|}; 255 makes the client take the offer at once. */
public record PreferenceOption(int value) implements Dhcpv6Option {
    public PreferenceOption {
        Checks.range(value, 0, 255, "preference");
    }

    @Override
    public int code() { return OptionCodes.PREFERENCE; }
}

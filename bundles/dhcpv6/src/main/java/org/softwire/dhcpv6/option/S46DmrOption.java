package org.softwire.dhcpv6.option;

import java.util.Objects;
import org.softwire.dhcpv6.Dhcpv6Option;
import org.softwire.dhcpv6.Ipv6Prefix;
import org.softwire.dhcpv6.OptionCodes;

/** OPTION_S46_DMR (91, RFC 7598 §4.3): {@code |dmr-prefix6-len (1)|dmr-ipv6-prefix (ceil(len/8))|}. */
public record S46DmrOption(Ipv6Prefix prefix) implements Dhcpv6Option {
    public S46DmrOption {
        Objects.requireNonNull(prefix, "prefix");
    }

    @Override
    public int code() { return OptionCodes.S46_DMR; }
}

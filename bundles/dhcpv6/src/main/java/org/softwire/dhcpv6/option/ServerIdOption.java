package org.softwire.dhcpv6.option;

import java.util.Objects;
import org.softwire.dhcpv6.Dhcpv6Option;
import org.softwire.dhcpv6.OptionCodes;

/** OPTION_SERVERID (2 Server Identifier (RFC 8415 §21.3)): a DUID. */
public record ServerIdOption(Duid duid) implements Dhcpv6Option {
    public ServerIdOption {
        Objects.requireNonNull(duid, "duid");
    }

    @Override
    public int code() { return OptionCodes.SERVERID; }
}

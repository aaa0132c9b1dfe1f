package org.softwire.dhcpv6.option;

import java.util.Objects;
import org.softwire.dhcpv6.Dhcpv6Option;
import org.softwire.dhcpv6.OptionCodes;

/** OPTION_CLIENTID (1 Client Identifier (RFC 8415 §21.2)): a DUID. */
public record ClientIdOption(Duid duid) implements Dhcpv6Option {
    public ClientIdOption {
        Objects.requireNonNull(duid, "duid");
    }

    @Override
    public int code() { return OptionCodes.CLIENTID; }
}

package org.softwire.dhcpv6.option;

import java.util.Objects;
import org.softwire.dhcpv6.Dhcpv6Option;
import org.softwire.dhcpv6.DomainName;
import org.softwire.dhcpv6.OptionCodes;

/**
 * OPTION_AFTR_NAME (64, RFC 6334 §3): the FQDN of the AFTR. One name only (§4: a server SHOULD NOT send more; §5:
 * a B4 uses the first); the name must be a host name, since the B4 resolves it.
 */
public record AftrNameOption(DomainName name) implements Dhcpv6Option {
    public AftrNameOption {
        Objects.requireNonNull(name, "name");
        if (!name.isHostName()) {
            throw new IllegalArgumentException("AFTR name '" + name + "' is not a host name (RFC 1123 §2.1)");
        }
    }

    public static AftrNameOption of(String name) {
        return new AftrNameOption(DomainName.parse(name));
    }

    @Override
    public int code() { return OptionCodes.AFTR_NAME; }
}

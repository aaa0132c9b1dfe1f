package org.softwire.dhcpv6.option;

import java.util.List;
import org.softwire.dhcpv6.Dhcpv6Option;
import org.softwire.dhcpv6.DomainName;
import org.softwire.dhcpv6.OptionCodes;

/** OPTION_DOMAIN_LIST (24, RFC 3646 §4): the domain search list, uncompressed names (RFC 8415 §10). */
public record DomainListOption(List<DomainName> domains) implements Dhcpv6Option {
    public DomainListOption {
        domains = List.copyOf(domains);
        if (domains.isEmpty()) {
            throw new IllegalArgumentException("at least one domain");
        }
    }

    @Override
    public int code() { return OptionCodes.DOMAIN_LIST; }
}

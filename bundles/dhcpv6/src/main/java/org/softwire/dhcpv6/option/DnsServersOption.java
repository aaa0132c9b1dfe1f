package org.softwire.dhcpv6.option;

import java.net.Inet6Address;
import java.util.List;
import org.softwire.dhcpv6.Dhcpv6Option;
import org.softwire.dhcpv6.OptionCodes;

/** OPTION_DNS_SERVERS (23, RFC 3646 §3): IPv6 addresses of recursive DNS servers, in preference order. */
public record DnsServersOption(List<Inet6Address> servers) implements Dhcpv6Option {
    public DnsServersOption {
        servers = List.copyOf(servers);
        if (servers.isEmpty()) {
            throw new IllegalArgumentException("at least one DNS server");
        }
    }

    @Override
    public int code() { return OptionCodes.DNS_SERVERS; }
}

package org.softwire.dhcpv6.server.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.softwire.dhcpv6.Addresses;
import org.softwire.dhcpv6.Dhcpv6Option;
import org.softwire.dhcpv6.DomainName;
import org.softwire.dhcpv6.Ipv6Prefix;
import org.softwire.dhcpv6.option.AftrNameOption;
import org.softwire.dhcpv6.option.DnsServersOption;
import org.softwire.dhcpv6.option.DomainListOption;
import org.softwire.dhcpv6.option.InformationRefreshTimeOption;

/**
 * One subnet ({@code org.softwire.dhcpv6.subnet} factory configuration), validated: its link prefix, the interface
 * its direct clients come from, address and prefix pools, lifetimes and T1/T2, and the options it serves (only
 * those a client's ORO asks for: RFC 6334 §4, RFC 7598 §7, RFC 8026 §1.3).
 */
record SubnetSettings(String name, String server, Ipv6Prefix prefix, String iface, List<AddressPool> addressPools,
        List<AddressPool> prefixPools, long preferredLifetime, long validLifetime, long t1, long t2,
        boolean rapidCommit, List<Dhcpv6Option> options) {

    static SubnetSettings from(Map<String, ?> p) {
        String name = Props.required(p, "name");
        String server = Props.string(p, "server", "default");
        Ipv6Prefix prefix = Ipv6Prefix.parse(Props.required(p, "prefix"));
        String iface = Props.string(p, "interface", "");
        List<AddressPool> pools = new ArrayList<>();
        for (String r : Props.list(p, "pools")) {
            AddressPool pool = AddressPool.addresses(r);
            pools.add(pool);
        }
        List<AddressPool> pd = new ArrayList<>();
        for (String r : Props.list(p, "pd-pools")) {
            pd.add(AddressPool.prefixes(r));
        }
        long preferred = Props.u32(p, "preferred-lifetime", 3000);
        long valid = Props.u32(p, "valid-lifetime", 4000);
        if (preferred > valid) {
            throw new IllegalArgumentException("preferred-lifetime " + preferred + " exceeds valid-lifetime " + valid
                    + " (RFC 8415 §21.6)");
        }
        long t1 = Props.u32(p, "renew-time", preferred / 2);
        long t2 = Props.u32(p, "rebind-time", preferred * 4 / 5);
        if (t1 > t2) {
            throw new IllegalArgumentException("renew-time " + t1 + " exceeds rebind-time " + t2 + " (RFC 8415 §21.4)");
        }
        List<Dhcpv6Option> options = new ArrayList<>();
        List<String> dns = Props.list(p, "dns-servers");
        if (!dns.isEmpty()) {
            options.add(new DnsServersOption(dns.stream().map(Addresses::parseIpv6).toList()));
        }
        List<String> domains = Props.list(p, "domain-search");
        if (!domains.isEmpty()) {
            options.add(new DomainListOption(domains.stream().map(DomainName::parse).toList()));
        }
        String aftr = Props.string(p, "aftr-name", null);
        if (aftr != null) {
            try {
                options.add(AftrNameOption.of(aftr));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("aftr-name '" + aftr + "': " + e.getMessage(), e);
            }
        }
        options.addAll(S46Config.options(p));
        long refresh = Props.u32(p, "information-refresh-time", 0);
        if (refresh > 0) {
            options.add(new InformationRefreshTimeOption(refresh));
        }
        return new SubnetSettings(name, server, prefix, iface, List.copyOf(pools), List.copyOf(pd), preferred, valid,
                t1, t2, Props.bool(p, "rapid-commit", true), List.copyOf(options));
    }

    boolean onLink(java.net.Inet6Address a) {
        return new Ipv6Prefix(a, prefix.length()).equals(prefix);
    }
}

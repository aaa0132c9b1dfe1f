package org.softwire.dhcpv6.server;

import java.util.List;

/**
 * A subnet as the server serves it, for operators.
 *
 * @param addressPools  address ranges, {@code first-last}
 * @param prefixPools   delegated prefix pools, {@code prefix/len delegated /n}
 * @param servedOptions each option the subnet answers with (when the client's ORO asks for it), one line each
 */
public record SubnetView(String name, String server, String prefix, String iface, List<String> addressPools,
        List<String> prefixPools, List<String> servedOptions, int activeLeases) {
    public SubnetView {
        addressPools = List.copyOf(addressPools);
        prefixPools = List.copyOf(prefixPools);
        servedOptions = List.copyOf(servedOptions);
    }
}

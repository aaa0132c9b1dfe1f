package org.softwire.dhcpv6.server;

import java.util.List;
import java.util.Map;
import org.osgi.annotation.versioning.ProviderType;

/** A running DHCPv6 server (one per {@code org.softwire.dhcpv6.server} configuration). */
@ProviderType
public interface Dhcpv6Server {
    /** Service property with the server name. */
    String NAME = "dhcpv6.server.name";

    String name();

    /** The server's DUID, hex. */
    String duid();

    /** Configured interfaces, {@code name} or {@code name@netns}, with their state ("listening", or the error). */
    Map<String, String> interfaces();

    List<SubnetView> subnets();

    /** Current leases (expired ones are not listed). */
    List<Lease> leases();

    /** Messages received per type ({@code SOLICIT}, ...), non-zero only. */
    Map<String, Long> received();

    /** Messages sent per type, non-zero only. */
    Map<String, Long> sent();

    /** Drops by reason label (decode reasons and {@link ServerDropReason}), non-zero only. */
    Map<String, Long> dropsByReason();

    /** Removes the leases of this address or prefix (any, e.g. {@code 2001:db8::100}); returns how many. */
    int removeLease(String address);
}

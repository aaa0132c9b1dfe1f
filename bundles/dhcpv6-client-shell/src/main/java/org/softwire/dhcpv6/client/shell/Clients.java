package org.softwire.dhcpv6.client.shell;

import java.util.List;
import org.softwire.dhcpv6.client.Dhcpv6Client;

/** Finds a client by name for the commands; a clear error otherwise. */
final class Clients {
    private Clients() {
    }

    static Dhcpv6Client find(List<Dhcpv6Client> clients, String name) {
        if (clients != null) {
            for (Dhcpv6Client c : clients) {
                if (c.name().equals(name)) {
                    return c;
                }
            }
        }
        throw new IllegalArgumentException("no DHCPv6 client '" + name + "'; known: "
                + (clients == null || clients.isEmpty() ? "none"
                        : String.join(", ", ClientTables.sorted(clients).stream().map(Dhcpv6Client::name).toList())));
    }
}

package org.softwire.dhcpv6.shell;

import java.util.List;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.softwire.dhcpv6.server.Dhcpv6Server;

/** {@code dhcpv6:lease-remove <address|prefix>}: frees a lease (the client is not told). */
@Service
@Command(scope = "dhcpv6", name = "lease-remove", description = "Removes the lease of an address or prefix")
public class LeaseRemoveCommand implements Action {
    @Reference(optional = true)
    List<Dhcpv6Server> servers;

    @Option(name = "--server", description = "Only this server")
    @Completion(ServerNameCompleter.class)
    String server;

    @Argument(index = 0, name = "address", description = "Leased address or delegated prefix", required = true)
    String address;

    @Override
    public Object execute() {
        int n = 0;
        try {
            for (Dhcpv6Server s : ServerNameCompleter.select(servers, server)) {
                n += s.removeLease(address);
            }
        } catch (IllegalArgumentException e) {
            System.err.println("Not an IPv6 address or prefix: " + address + " (" + e.getMessage() + ")");
            return null;
        }
        System.out.println(n == 0 ? "No lease for " + address : "Removed " + n + " lease(s) of " + address);
        return null;
    }
}

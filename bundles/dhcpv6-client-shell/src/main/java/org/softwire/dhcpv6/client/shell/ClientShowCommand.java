package org.softwire.dhcpv6.client.shell;

import java.util.List;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.softwire.dhcpv6.client.Dhcpv6Client;

/** {@code dhcpv6:client-show <name>}: state, lease (AFTR-Name, S46 options, addresses, prefixes), counters, drops. */
@Service
@Command(scope = "dhcpv6", name = "client-show", description = "Shows one DHCPv6 client: state, lease, options, counters")
public class ClientShowCommand implements Action {
    @Reference(optional = true)
    List<Dhcpv6Client> clients;

    @Argument(index = 0, name = "name", required = true, description = "client name")
    @Completion(ClientNameCompleter.class)
    String name;

    @Override
    public Object execute() {
        ClientTables.show(Clients.find(clients, name), System.out);
        return null;
    }
}

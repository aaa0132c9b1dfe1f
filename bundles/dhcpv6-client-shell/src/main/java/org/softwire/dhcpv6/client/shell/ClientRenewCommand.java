package org.softwire.dhcpv6.client.shell;

import java.util.List;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.softwire.dhcpv6.client.Dhcpv6Client;

/** {@code dhcpv6:client-renew <name>}: Renew (stateful) or Information-request (stateless) now. */
@Service
@Command(scope = "dhcpv6", name = "client-renew", description = "Renew (stateful) or Information-request (stateless) now")
public class ClientRenewCommand implements Action {
    @Reference(optional = true)
    List<Dhcpv6Client> clients;

    @Argument(index = 0, name = "name", required = true, description = "client name")
    @Completion(ClientNameCompleter.class)
    String name;

    @Override
    public Object execute() {
        Dhcpv6Client c = Clients.find(clients, name);
        System.out.println(c.renew() ? c.name() + ": renewing" : c.name() + ": nothing to renew (not bound), state " + c.state().label());
        return null;
    }
}

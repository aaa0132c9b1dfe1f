package org.softwire.dhcpv6.client.shell;

import java.util.List;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.softwire.dhcpv6.client.Dhcpv6Client;

/** {@code dhcpv6:client-restart <name>}: forgets the lease and starts over (Solicit or Information-request). */
@Service
@Command(scope = "dhcpv6", name = "client-restart", description = "Forgets the lease and starts over")
public class ClientRestartCommand implements Action {
    @Reference(optional = true)
    List<Dhcpv6Client> clients;

    @Argument(index = 0, name = "name", required = true, description = "client name")
    @Completion(ClientNameCompleter.class)
    String name;

    @Override
    public Object execute() {
        Dhcpv6Client c = Clients.find(clients, name);
        c.restart();
        System.out.println(c.name() + ": restarted");
        return null;
    }
}

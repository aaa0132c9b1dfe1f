package org.softwire.dhcpv6.client.shell;

import java.util.List;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.softwire.dhcpv6.client.Dhcpv6Client;

/** {@code dhcpv6:client-release <name>}: Release the stateful lease; the client stays unbound until client-restart. */
@Service
@Command(scope = "dhcpv6", name = "client-release", description = "Release the stateful lease; the client stays unbound until client-restart")
public class ClientReleaseCommand implements Action {
    @Reference(optional = true)
    List<Dhcpv6Client> clients;

    @Argument(index = 0, name = "name", required = true, description = "client name")
    @Completion(ClientNameCompleter.class)
    String name;

    @Override
    public Object execute() {
        Dhcpv6Client c = Clients.find(clients, name);
        System.out.println(c.release() ? c.name() + ": releasing" : c.name() + ": nothing to release (stateless, or no lease), state " + c.state().label());
        return null;
    }
}

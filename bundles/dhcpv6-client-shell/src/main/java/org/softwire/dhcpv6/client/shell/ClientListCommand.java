package org.softwire.dhcpv6.client.shell;

import java.util.List;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.softwire.dhcpv6.client.Dhcpv6Client;

/** {@code dhcpv6:client-list}: every client with its state, AFTR-Name, addresses and message counts. */
@Service
@Command(scope = "dhcpv6", name = "client-list", description = "Lists the DHCPv6 clients with state and lease")
public class ClientListCommand implements Action {
    @Reference(optional = true)
    List<Dhcpv6Client> clients;

    @Option(name = "--no-format", description = "Plain output without table borders")
    boolean noFormat;

    @Override
    public Object execute() {
        ClientTables.list(clients == null ? List.of() : clients, System.out, noFormat);
        return null;
    }
}

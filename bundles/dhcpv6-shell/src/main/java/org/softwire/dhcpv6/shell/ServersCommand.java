package org.softwire.dhcpv6.shell;

import java.util.List;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.softwire.dhcpv6.server.Dhcpv6Server;

/** {@code dhcpv6:servers}: every server with its DUID, interfaces, leases and message totals. */
@Service
@Command(scope = "dhcpv6", name = "servers", description = "Lists the DHCPv6 servers")
public class ServersCommand implements Action {
    @Reference(optional = true)
    List<Dhcpv6Server> servers;

    @Option(name = "--no-format", description = "Plain output without table borders")
    boolean noFormat;

    @Override
    public Object execute() {
        Dhcpv6Tables.servers(servers == null ? List.of() : servers, System.out, noFormat);
        return null;
    }
}

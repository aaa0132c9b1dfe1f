package org.softwire.dhcpv6.shell;

import java.util.List;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.softwire.dhcpv6.server.Dhcpv6Server;

/** {@code dhcpv6:subnets [--server S]}: subnets with pools, lease counts and the options each serves. */
@Service
@Command(scope = "dhcpv6", name = "subnets", description = "Lists the subnets with pools and served options")
public class SubnetsCommand implements Action {
    @Reference(optional = true)
    List<Dhcpv6Server> servers;

    @Option(name = "--server", description = "Only this server")
    @Completion(ServerNameCompleter.class)
    String server;

    @Option(name = "--no-format", description = "Plain output without table borders")
    boolean noFormat;

    @Override
    public Object execute() {
        Dhcpv6Tables.subnets(ServerNameCompleter.select(servers, server), System.out, noFormat);
        return null;
    }
}

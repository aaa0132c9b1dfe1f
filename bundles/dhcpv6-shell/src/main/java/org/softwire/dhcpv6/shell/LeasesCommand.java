package org.softwire.dhcpv6.shell;

import java.util.List;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.softwire.dhcpv6.server.Dhcpv6Server;

/** {@code dhcpv6:leases [--server S] [--subnet N]}: the leases (addresses and delegated prefixes). */
@Service
@Command(scope = "dhcpv6", name = "leases", description = "Lists the DHCPv6 leases")
public class LeasesCommand implements Action {
    @Reference(optional = true)
    List<Dhcpv6Server> servers;

    @Option(name = "--server", description = "Only this server")
    @Completion(ServerNameCompleter.class)
    String server;

    @Option(name = "--subnet", description = "Only this subnet")
    String subnet;

    @Option(name = "--no-format", description = "Plain output without table borders")
    boolean noFormat;

    @Override
    public Object execute() {
        Dhcpv6Tables.leases(ServerNameCompleter.select(servers, server), subnet, System.out, noFormat,
                System.currentTimeMillis() / 1000);
        return null;
    }
}

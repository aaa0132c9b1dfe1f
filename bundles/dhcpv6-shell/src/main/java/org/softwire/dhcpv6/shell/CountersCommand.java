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

/** {@code dhcpv6:counters [server]}: messages received and sent per type, drops by reason. */
@Service
@Command(scope = "dhcpv6", name = "counters", description = "Messages per type and drops by reason of a server")
public class CountersCommand implements Action {
    @Reference(optional = true)
    List<Dhcpv6Server> servers;

    @Argument(index = 0, name = "server", description = "Server name (all when left out)")
    @Completion(ServerNameCompleter.class)
    String server;

    @Option(name = "--no-format", description = "Plain output without table borders")
    boolean noFormat;

    @Override
    public Object execute() {
        List<Dhcpv6Server> s = ServerNameCompleter.select(servers, server);
        if (s.isEmpty()) {
            System.err.println(server == null ? "No DHCPv6 server" : "No DHCPv6 server named " + server);
        }
        s.forEach(x -> Dhcpv6Tables.counters(x, System.out, noFormat));
        return null;
    }
}

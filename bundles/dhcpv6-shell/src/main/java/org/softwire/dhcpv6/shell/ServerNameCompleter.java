package org.softwire.dhcpv6.shell;

import java.util.List;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.softwire.dhcpv6.server.Dhcpv6Server;

/** Completes DHCPv6 server names. */
@Service
public class ServerNameCompleter implements Completer {
    @Reference(optional = true)
    List<Dhcpv6Server> servers;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        StringsCompleter names = new StringsCompleter();
        if (servers != null) {
            servers.forEach(s -> names.getStrings().add(s.name()));
        }
        return names.complete(session, commandLine, candidates);
    }

    static List<Dhcpv6Server> select(List<Dhcpv6Server> servers, String name) {
        if (servers == null) {
            return List.of();
        }
        return servers.stream().filter(s -> name == null || s.name().equals(name)).toList();
    }
}

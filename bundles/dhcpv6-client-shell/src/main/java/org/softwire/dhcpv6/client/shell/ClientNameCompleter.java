package org.softwire.dhcpv6.client.shell;

import java.util.List;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.softwire.dhcpv6.client.Dhcpv6Client;

/** Completes DHCPv6 client names. */
@Service
public class ClientNameCompleter implements Completer {
    @Reference(optional = true)
    List<Dhcpv6Client> clients;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        StringsCompleter names = new StringsCompleter();
        if (clients != null) {
            clients.forEach(c -> names.getStrings().add(c.name()));
        }
        return names.complete(session, commandLine, candidates);
    }
}

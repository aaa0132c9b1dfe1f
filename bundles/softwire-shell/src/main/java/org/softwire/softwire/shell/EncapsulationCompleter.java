package org.softwire.softwire.shell;

import java.util.List;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;

/** Completes the encapsulation names a softwire accepts. */
@Service
public class EncapsulationCompleter implements Completer {
    static final List<String> NAMES = List.of("gre-ipv4", "gre-ipv6", "ipv4-in-ipv4", "ipv4-in-ipv6", "ipv6-in-ipv4",
            "ipv6-in-ipv6");

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        return new StringsCompleter(NAMES).complete(session, commandLine, candidates);
    }
}

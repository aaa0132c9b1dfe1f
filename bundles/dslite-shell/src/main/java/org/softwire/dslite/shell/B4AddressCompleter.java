package org.softwire.dslite.shell;

import java.util.List;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.softwire.dslite.Aftr;
import org.softwire.nat44.SessionFilter;
import org.softwire.nat44.SessionInfo;

/** Completes the IPv6 addresses of the B4s that hold sessions (first 1000 sessions of each AFTR). */
@Service
public class B4AddressCompleter implements Completer {
    @Reference(optional = true)
    List<Aftr> aftrs;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        StringsCompleter names = new StringsCompleter();
        if (aftrs != null) {
            for (Aftr a : aftrs) {
                for (SessionInfo s : a.sessions(SessionFilter.ALL, 1000)) {
                    names.getStrings().add(DsliteTables.b4(s.subscriberHi(), s.subscriberLo()));
                }
            }
        }
        return names.complete(session, commandLine, candidates);
    }
}

package org.softwire.dslite.shell;

import java.util.List;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.softwire.dslite.Aftr;

/** Completes AFTR instance names. */
@Service
public class AftrNameCompleter implements Completer {
    @Reference(optional = true)
    List<Aftr> aftrs;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        StringsCompleter names = new StringsCompleter();
        if (aftrs != null) {
            aftrs.forEach(a -> names.getStrings().add(a.name()));
        }
        return names.complete(session, commandLine, candidates);
    }
}

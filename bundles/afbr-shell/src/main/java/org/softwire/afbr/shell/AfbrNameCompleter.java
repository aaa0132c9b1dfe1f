package org.softwire.afbr.shell;

import java.util.List;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.softwire.afbr.SoftwireFib;

/** Completes the names of the running AFBRs. */
@Service
public class AfbrNameCompleter implements Completer {
    @Reference(optional = true)
    List<SoftwireFib> fibs;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        StringsCompleter names = new StringsCompleter();
        if (fibs != null) {
            fibs.forEach(f -> names.getStrings().add(f.name()));
        }
        return names.complete(session, commandLine, candidates);
    }
}

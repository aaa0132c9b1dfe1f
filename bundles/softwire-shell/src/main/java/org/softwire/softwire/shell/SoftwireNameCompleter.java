package org.softwire.softwire.shell;

import java.util.List;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.softwire.softwire.Softwire;

/** Completes the names of the softwires running now. */
@Service
public class SoftwireNameCompleter implements Completer {
    @Reference(optional = true)
    List<Softwire> softwires;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        StringsCompleter names = new StringsCompleter();
        if (softwires != null) {
            for (Softwire s : softwires) {
                names.getStrings().add(s.name());
            }
        }
        return names.complete(session, commandLine, candidates);
    }
}

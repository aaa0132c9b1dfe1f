package org.softwire.dslite.shell;

import java.util.List;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.softwire.dslite.Aftr;

/** {@code dslite:aftr-list}: every AFTR with its state, sessions, packets and drops. */
@Service
@Command(scope = "dslite", name = "aftr-list", description = "Lists the AFTRs with sessions, packets and drops")
public class AftrListCommand implements Action {
    @Reference(optional = true)
    List<Aftr> aftrs;

    @Option(name = "--no-format", description = "Plain output without table borders")
    boolean noFormat;

    @Option(name = "-v", aliases = "--verbose", description = "Every non-zero counter of each AFTR too")
    boolean verbose;

    @Override
    public Object execute() {
        DsliteTables.aftrs(aftrs == null ? List.of() : aftrs, System.out, noFormat, verbose);
        return null;
    }
}

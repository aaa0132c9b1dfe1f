package org.softwire.dslite.shell;

import java.util.List;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.softwire.dslite.Aftr;

/** {@code dslite:pool [--aftr N]}: per external address the B4s, ports per protocol and port blocks. */
@Service
@Command(scope = "dslite", name = "pool", description = "Pool usage per external address: B4s, ports, port blocks")
public class PoolCommand implements Action {
    @Reference(optional = true)
    List<Aftr> aftrs;

    @Option(name = "--aftr", description = "Only this AFTR")
    @Completion(AftrNameCompleter.class)
    String aftr;

    @Option(name = "--no-format", description = "Plain output without table borders")
    boolean noFormat;

    @Override
    public Object execute() {
        OpsTables.pool(Filters.aftrs(aftrs, aftr), System.out, noFormat);
        return null;
    }
}

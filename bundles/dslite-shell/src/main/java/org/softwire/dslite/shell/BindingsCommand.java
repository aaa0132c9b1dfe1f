package org.softwire.dslite.shell;

import java.util.List;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.softwire.dslite.Aftr;

/** {@code dslite:bindings}: the extended binding table (RFC 6333 §6.6): B4, inner endpoint, external endpoint. */
@Service
@Command(scope = "dslite", name = "bindings", description = "The extended binding table (RFC 6333 §6.6)")
public class BindingsCommand implements Action {
    @Reference(optional = true)
    List<Aftr> aftrs;

    @Option(name = "--aftr", description = "Only this AFTR")
    @Completion(AftrNameCompleter.class)
    String aftr;

    @Option(name = "--b4", description = "Only bindings of this B4")
    @Completion(B4AddressCompleter.class)
    String b4;

    @Option(name = "--limit", description = "Sessions read per AFTR (default 1000)")
    int limit = 1000;

    @Option(name = "--no-format", description = "Plain output without table borders")
    boolean noFormat;

    @Override
    public Object execute() {
        DsliteTables.bindings(SessionsCommand.select(aftrs, aftr, b4, null, -1, limit), System.out, noFormat);
        return null;
    }
}

package org.softwire.dslite.shell;

import java.util.List;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.softwire.dslite.Aftr;

/** {@code dslite:clear [--aftr N] [--b4 ADDR]}: removes sessions and bindings (of one B4, or all). */
@Service
@Command(scope = "dslite", name = "clear", description = "Clears NAT sessions and bindings, of one B4 or all")
public class ClearCommand implements Action {
    @Reference(optional = true)
    List<Aftr> aftrs;

    @Option(name = "--aftr", description = "Only this AFTR")
    @Completion(AftrNameCompleter.class)
    String aftr;

    @Option(name = "--b4", description = "Only this B4 (its IPv6 address)")
    @Completion(B4AddressCompleter.class)
    String b4;

    @Override
    public Object execute() {
        Filters.of(b4, null, -1); // checks --b4
        int n = 0;
        for (Aftr a : Filters.aftrs(aftrs, aftr)) {
            n += a.clear(b4);
        }
        System.out.println("cleared " + n + " session(s)" + (b4 == null ? "" : " of B4 " + b4));
        return null;
    }
}

package org.softwire.dslite.shell;

import java.util.List;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.softwire.dslite.B4;

/** {@code dslite:b4-list}: every B4 with its AFTR (name and address in use) and managed softwire. */
@Service
@Command(scope = "dslite", name = "b4-list", description = "Lists the B4s, their AFTR and softwire")
public class B4ListCommand implements Action {
    @Reference(optional = true)
    List<B4> b4s;

    @Option(name = "--no-format", description = "Plain output without table borders")
    boolean noFormat;

    @Override
    public Object execute() {
        DsliteTables.b4s(b4s == null ? List.of() : b4s, System.out, noFormat);
        return null;
    }
}

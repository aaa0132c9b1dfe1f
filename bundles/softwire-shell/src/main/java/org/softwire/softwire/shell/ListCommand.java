package org.softwire.softwire.shell;

import java.util.List;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.softwire.softwire.Softwire;

/** {@code softwire:list}: every configured softwire with its state and counters. */
@Service
@Command(scope = "softwire", name = "list", description = "Lists configured softwires with state and counters")
public class ListCommand implements Action {
    @Reference(optional = true)
    List<Softwire> softwires;

    @Option(name = "--no-format", description = "Plain output without table borders")
    boolean noFormat;

    @Override
    public Object execute() {
        SoftwireTables.list(softwires == null ? List.of() : softwires, System.out, noFormat);
        return null;
    }
}

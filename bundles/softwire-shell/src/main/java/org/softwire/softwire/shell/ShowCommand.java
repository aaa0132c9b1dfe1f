package org.softwire.softwire.shell;

import java.util.List;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.softwire.softwire.Softwire;

/** {@code softwire:show <name>}: one softwire in detail with its drops by reason. */
@Service
@Command(scope = "softwire", name = "show", description = "Shows one softwire, its counters and drops by reason")
public class ShowCommand implements Action {
    @Reference(optional = true)
    List<Softwire> softwires;

    @Argument(index = 0, name = "name", required = true, description = "Softwire name")
    @Completion(SoftwireNameCompleter.class)
    String name;

    @Option(name = "--no-format", description = "Plain output without table borders")
    boolean noFormat;

    @Override
    public Object execute() {
        if (softwires != null) {
            for (Softwire s : softwires) {
                if (s.name().equals(name)) {
                    SoftwireTables.show(s, System.out, noFormat);
                    return null;
                }
            }
        }
        throw new IllegalArgumentException("No softwire named '" + name + "'; see softwire:list");
    }
}

package org.softwire.afbr.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.softwire.bgp.rib.Rib;

/** {@code bgp:summary}: prefix counts of the Loc-RIB and per peer (received, advertised). */
@Service
@Command(scope = "bgp", name = "summary", description = "Prefix counts: Loc-RIB, and received / advertised per peer")
public class SummaryCommand implements Action {
    @Reference
    Rib rib;

    @Option(name = "--no-format", description = "Plain output without table borders")
    boolean noFormat;

    @Override
    public Object execute() {
        RibTables.summary(rib.locRibCounts(), rib.adjRibInCounts(), rib.adjRibOutCounts(), System.out, noFormat);
        return null;
    }
}

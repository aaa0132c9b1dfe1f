package org.softwire.dslite.shell;

import java.util.List;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.softwire.dslite.Aftr;

/**
 * {@code dslite:subscribers [--aftr N] [--b4 ADDR] [--limit L]}: per B4 its external address, ports per protocol
 * against the quota, sessions and RFC 7870 statistics; with {@code --b4} also its port blocks.
 */
@Service
@Command(scope = "dslite", name = "subscribers",
        description = "Per-B4 statistics (RFC 7870), ports and port blocks")
public class SubscribersCommand implements Action {
    @Reference(optional = true)
    List<Aftr> aftrs;

    @Option(name = "--aftr", description = "Only this AFTR")
    @Completion(AftrNameCompleter.class)
    String aftr;

    @Option(name = "--b4", description = "Only this B4 (its IPv6 address), with its port blocks")
    @Completion(B4AddressCompleter.class)
    String b4;

    @Option(name = "--limit", description = "At most this many B4s per AFTR (default 100)")
    int limit = 100;

    @Option(name = "--no-format", description = "Plain output without table borders")
    boolean noFormat;

    @Override
    public Object execute() {
        OpsTables.subscribers(Filters.aftrs(aftrs, aftr), b4, limit, System.out, noFormat);
        return null;
    }
}

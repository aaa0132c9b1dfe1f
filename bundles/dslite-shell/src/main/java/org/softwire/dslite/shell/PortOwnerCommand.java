package org.softwire.dslite.shell;

import java.util.List;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.softwire.dslite.Aftr;

/**
 * {@code dslite:port-owner [--aftr N] ADDRESS PORT}: which B4 holds an external address and port (abuse reports):
 * the holder of the port block now, or in deterministic mode (RFC 7422) the B4 prefix whose range holds it.
 */
@Service
@Command(scope = "dslite", name = "port-owner", description = "Which B4 holds an external address and port now")
public class PortOwnerCommand implements Action {
    @Reference(optional = true)
    List<Aftr> aftrs;

    @Option(name = "--aftr", description = "Only this AFTR")
    @Completion(AftrNameCompleter.class)
    String aftr;

    @Option(name = "--no-format", description = "Plain output without table borders")
    boolean noFormat;

    @Argument(index = 0, name = "address", description = "External (pool) IPv4 address", required = true)
    String address;

    @Argument(index = 1, name = "port", description = "Port (or ICMP identifier), 0-65535", required = true)
    int port;

    @Override
    public Object execute() {
        OpsTables.portOwner(Filters.aftrs(aftrs, aftr), address, port, System.out, noFormat);
        return null;
    }
}

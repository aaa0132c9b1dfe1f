package org.softwire.dslite.shell;

import java.util.List;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.softwire.dslite.Aftr;
import org.softwire.nat44.SessionFilter;

/**
 * {@code dslite:clear [--aftr N] (--b4 ADDR | --address A | --port P | --protocol P ... | --all)}: removes sessions
 * and their bindings. Every session at once only with {@code --all}.
 */
@Service
@Command(scope = "dslite", name = "clear",
        description = "Clears NAT sessions and bindings: of one B4, one address, a port or protocol, or --all")
public class ClearCommand implements Action {
    @Reference(optional = true)
    List<Aftr> aftrs;

    @Option(name = "--aftr", description = "Only this AFTR")
    @Completion(AftrNameCompleter.class)
    String aftr;

    @Option(name = "--b4", description = "Sessions of this B4 (its IPv6 address)")
    @Completion(B4AddressCompleter.class)
    String b4;

    @Option(name = "--address", description = "Sessions with this IPv4 address as internal, external or remote address"
            + " (e.g. a pool address being drained)")
    String address;

    @Option(name = "--port", description = "Sessions with this port as internal, external or remote port")
    int port = -1;

    @Option(name = "--protocol", description = "tcp, udp or icmp")
    @Completion(value = StringsCompleter.class, values = {"tcp", "udp", "icmp"})
    String protocol;

    @Option(name = "--all", description = "Every session of the selected AFTRs (needed when no filter is given)")
    boolean all;

    @Override
    public Object execute() {
        System.out.println(run(aftrs, aftr, b4, address, port, protocol, all));
        return null;
    }

    /** Clears and says what; bad or missing arguments give a clear IllegalArgumentException. */
    static String run(List<Aftr> aftrs, String aftr, String b4, String address, int port, String protocol,
                      boolean all) {
        SessionFilter f = Filters.of(b4, address, port, protocol);
        boolean filtered = !f.equals(SessionFilter.ALL);
        if (!filtered && !all) {
            throw new IllegalArgumentException("say what to clear: --b4, --address, --port or --protocol, or --all for"
                    + " every session");
        }
        if (filtered && all) {
            throw new IllegalArgumentException("--all clears every session: give it without --b4, --address, --port"
                    + " or --protocol");
        }
        int n = 0;
        List<Aftr> selected = Filters.aftrs(aftrs, aftr);
        for (Aftr a : selected) {
            n += all ? a.clear((String) null) : a.clear(f);
        }
        StringBuilder what = new StringBuilder();
        if (b4 != null) {
            what.append(" of B4 ").append(b4);
        }
        if (address != null) {
            what.append(" with address ").append(address);
        }
        if (port >= 0) {
            what.append(" with port ").append(port);
        }
        if (protocol != null) {
            what.append(" in ").append(DsliteTables.proto(f.protocol()));
        }
        return "cleared " + n + " session(s)" + what + (selected.size() == 1 ? " on " + selected.get(0).name() : "");
    }
}

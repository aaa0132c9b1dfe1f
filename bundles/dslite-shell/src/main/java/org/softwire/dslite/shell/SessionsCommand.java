package org.softwire.dslite.shell;

import java.util.ArrayList;
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
import org.softwire.nat44.SessionInfo;

/** {@code dslite:sessions [--aftr N] [--b4 ADDR] [--address A] [--port P] [--protocol tcp|udp|icmp]}: NAT sessions, filtered. */
@Service
@Command(scope = "dslite", name = "sessions", description = "NAT sessions of the AFTRs, filtered by B4, address, port or protocol")
public class SessionsCommand implements Action {
    @Reference(optional = true)
    List<Aftr> aftrs;

    @Option(name = "--aftr", description = "Only this AFTR")
    @Completion(AftrNameCompleter.class)
    String aftr;

    @Option(name = "--b4", description = "Only sessions of this B4 (its IPv6 address)")
    @Completion(B4AddressCompleter.class)
    String b4;

    @Option(name = "--address", description = "IPv4 address as internal, external or remote address")
    String address;

    @Option(name = "--port", description = "Port as internal, external or remote port")
    int port = -1;

    @Option(name = "--protocol", description = "tcp, udp or icmp")
    @Completion(value = StringsCompleter.class, values = {"tcp", "udp", "icmp"})
    String protocol;

    @Option(name = "--limit", description = "At most this many sessions per AFTR (default 100)")
    int limit = 100;

    @Option(name = "--no-format", description = "Plain output without table borders")
    boolean noFormat;

    @Override
    public Object execute() {
        DsliteTables.sessions(select(aftrs, aftr, Filters.of(b4, address, port, protocol), limit), System.out, noFormat);
        return null;
    }

    /** The matching sessions of the selected AFTRs; bad arguments give a clear IllegalArgumentException. */
    static List<SessionInfo> select(List<Aftr> aftrs, String aftr, String b4, String address, int port, int limit) {
        return select(aftrs, aftr, Filters.of(b4, address, port), limit);
    }

    static List<SessionInfo> select(List<Aftr> aftrs, String aftr, SessionFilter f, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("--limit " + limit + " must be at least 1");
        }
        List<SessionInfo> out = new ArrayList<>();
        for (Aftr a : Filters.aftrs(aftrs, aftr)) {
            out.addAll(a.sessions(f, limit));
        }
        return out;
    }
}

package org.softwire.afbr.shell;

import java.util.List;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.softwire.bgp.rib.Rib;
import org.softwire.bgp.rib.RibRoute;
import org.softwire.bgp.wire.AfiSafi;
import org.softwire.bgp.wire.Prefix;

/** {@code bgp:routes [--family ipv4|ipv6] [--all] [prefix]}: the Loc-RIB with tunnel attributes. */
@Service
@Command(scope = "bgp", name = "routes", description = "Shows the Loc-RIB: best paths (all paths with --all) and their tunnels")
public class RoutesCommand implements Action {
    @Reference
    Rib rib;

    @Option(name = "--family", description = "ipv4 (default) or ipv6")
    @Completion(values = {"ipv4", "ipv6"}, value = StringsCompleter.class)
    String family = "ipv4";

    @Option(name = "--all", description = "Every path, not only the best")
    boolean all;

    @Option(name = "--no-format", description = "Plain output without table borders")
    boolean noFormat;

    @Argument(index = 0, name = "prefix", required = false,
            description = "A prefix (exact) or an address (longest match)")
    String prefix;

    @Override
    public Object execute() {
        AfiSafi f = RibTables.family(family);
        List<RibRoute> routes;
        if (prefix == null) {
            routes = rib.routes(f, !all);
        } else if (prefix.contains("/")) {
            Prefix p;
            try {
                p = Prefix.parse(prefix);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("'" + prefix + "' is not a prefix", e);
            }
            routes = rib.routes(f, !all).stream().filter(r -> r.prefix().length() == p.length()
                    && r.prefix().address().equals(p.address())).toList();
        } else {
            byte[] a;
            try {
                a = org.softwire.bgp.wire.Addresses.literal(prefix);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("'" + prefix + "' is not an address or prefix", e);
            }
            routes = rib.lookup(f, a).map(List::of).orElse(List.of());
        }
        RibTables.routes(routes, System.out, noFormat);
        return null;
    }
}

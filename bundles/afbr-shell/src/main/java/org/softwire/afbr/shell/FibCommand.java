package org.softwire.afbr.shell;

import java.util.List;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.softwire.afbr.SoftwireFib;

/** {@code afbr:fib [--name N] [address]}: the softwire FIB of each AFBR, or the entry an address matches. */
@Service
@Command(scope = "afbr", name = "fib", description = "Shows the softwire FIB (prefix -> egress endpoint, encapsulation)")
public class FibCommand implements Action {
    @Reference(optional = true)
    List<SoftwireFib> fibs;

    @Option(name = "--name", description = "Only this AFBR")
    @Completion(AfbrNameCompleter.class)
    String name;

    @Option(name = "--no-format", description = "Plain output without table borders")
    boolean noFormat;

    @Argument(index = 0, name = "address", required = false, description = "Longest-prefix match of this address")
    String address;

    @Override
    public Object execute() {
        if (fibs == null || fibs.isEmpty()) {
            throw new IllegalStateException("No AFBR is running (configure org.softwire.afbr)");
        }
        boolean found = false;
        for (SoftwireFib f : fibs) {
            if (name != null && !name.equals(f.name())) {
                continue;
            }
            found = true;
            if (address != null) {
                try {
                    RibTables.fib(f.name(), f.lookup(address).map(List::of).orElse(List.of()), System.out, noFormat);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("'" + address + "' is not an IPv4 or IPv6 address", e);
                }
            } else {
                RibTables.fib(f.name(), f.entries(), System.out, noFormat);
            }
        }
        if (!found) {
            throw new IllegalArgumentException("No AFBR named '" + name + "'");
        }
        return null;
    }
}

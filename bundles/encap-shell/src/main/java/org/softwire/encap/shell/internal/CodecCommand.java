package org.softwire.encap.shell.internal;

import java.util.List;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.softwire.encap.CodecInfo;
import org.softwire.encap.CodecRegistry;

/** {@code softwire:codec <name>}: one codec in detail, with its drops by reason. */
@Command(scope = "softwire", name = "codec", description = "Shows one encapsulation codec and its drops by reason")
@Service
public class CodecCommand implements Action {
    @Reference
    CodecRegistry registry;

    @Argument(index = 0, name = "name", required = true, description = "Codec name, e.g. ipv4-in-ipv6")
    @Completion(CodecNameCompleter.class)
    String name;

    @Override
    public Object execute() {
        for (CodecInfo c : registry.codecs()) {
            if (c.name().equals(name)) {
                CodecTables.details(c).print(System.out);
                System.out.println();
                CodecTables.drops(List.of(c)).print(System.out);
                return null;
            }
        }
        throw new IllegalArgumentException("No codec named '" + name + "'; see softwire:codecs");
    }
}

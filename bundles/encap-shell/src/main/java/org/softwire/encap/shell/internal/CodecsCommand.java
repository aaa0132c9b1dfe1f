package org.softwire.encap.shell.internal;

import java.util.List;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.softwire.encap.CodecInfo;
import org.softwire.encap.CodecRegistry;

/** {@code softwire:codecs}: the registered encapsulation codecs and their counters. */
@Command(scope = "softwire", name = "codecs", description = "Lists the encapsulation codecs and their counters")
@Service
public class CodecsCommand implements Action {
    @Reference
    CodecRegistry registry;

    @Option(name = "-v", aliases = "--verbose", description = "Also show bytes, ICMP errors, bundles and drops by reason")
    boolean verbose;

    @Override
    public Object execute() {
        List<CodecInfo> codecs = registry.codecs();
        CodecTables.codecs(codecs, verbose).print(System.out);
        if (verbose && !codecs.isEmpty()) {
            System.out.println();
            CodecTables.drops(codecs).print(System.out);
        }
        return null;
    }
}

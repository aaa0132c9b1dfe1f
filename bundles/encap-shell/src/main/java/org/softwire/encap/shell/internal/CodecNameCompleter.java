package org.softwire.encap.shell.internal;

import java.util.List;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.softwire.encap.CodecInfo;
import org.softwire.encap.CodecRegistry;

/** Completes the names of the codecs registered now. */
@Service
public class CodecNameCompleter implements Completer {
    @Reference
    CodecRegistry registry;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        StringsCompleter names = new StringsCompleter();
        for (CodecInfo c : registry.codecs()) {
            names.getStrings().add(c.name());
        }
        return names.complete(session, commandLine, candidates);
    }
}

package org.softwire.bgp.shell;

import java.util.List;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.softwire.bgp.speaker.BgpSpeaker;

/** Completes configured BGP peer names. */
@Service
public class PeerNameCompleter implements Completer {
    @Reference(optional = true)
    BgpSpeaker speaker;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        StringsCompleter names = new StringsCompleter();
        if (speaker != null) {
            speaker.peers().forEach(p -> names.getStrings().add(p.name()));
        }
        return names.complete(session, commandLine, candidates);
    }
}

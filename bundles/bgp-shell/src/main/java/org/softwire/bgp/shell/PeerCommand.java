package org.softwire.bgp.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.softwire.bgp.speaker.BgpSpeaker;

/** {@code bgp:peer <name>}: one peer in detail. */
@Service
@Command(scope = "bgp", name = "peer", description = "Shows one BGP peer: capabilities, timers, counters, last error")
public class PeerCommand implements Action {
    @Reference(optional = true)
    BgpSpeaker speaker;

    @Argument(index = 0, name = "name", description = "Peer name", required = true)
    @Completion(PeerNameCompleter.class)
    String name;

    @Override
    public Object execute() {
        var s = speaker == null ? java.util.Optional.<org.softwire.bgp.speaker.PeerStatus>empty() : speaker.peer(name);
        if (s.isEmpty()) {
            System.err.println("No BGP peer named '" + name + "'");
            return null;
        }
        BgpTables.peer(s.get(), System.out, System.currentTimeMillis());
        return null;
    }
}

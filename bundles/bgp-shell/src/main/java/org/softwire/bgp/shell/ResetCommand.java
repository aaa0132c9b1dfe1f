package org.softwire.bgp.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.softwire.bgp.speaker.BgpSpeaker;

/** {@code bgp:reset <name>}: Cease / Administrative Reset, then a new session. */
@Service
@Command(scope = "bgp", name = "reset", description = "Resets a BGP peer (Cease / Administrative Reset, RFC 4486)")
public class ResetCommand implements Action {
    @Reference(optional = true)
    BgpSpeaker speaker;

    @Argument(index = 0, name = "name", description = "Peer name", required = true)
    @Completion(PeerNameCompleter.class)
    String name;

    @Override
    public Object execute() {
        if (speaker == null || !speaker.reset(name)) {
            System.err.println("No BGP peer named '" + name + "'");
            return null;
        }
        System.out.println("Peer " + name + " reset");
        return null;
    }
}

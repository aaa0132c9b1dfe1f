package org.softwire.bgp.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.softwire.bgp.speaker.BgpSpeaker;

/** {@code bgp:peers}: every peer with state, uptime, prefixes, message totals and negotiated capabilities. */
@Service
@Command(scope = "bgp", name = "peers", description = "Lists the BGP peers with state, uptime, capabilities, counters")
public class PeersCommand implements Action {
    @Reference(optional = true)
    BgpSpeaker speaker;

    @Option(name = "--no-format", description = "Plain output without table borders")
    boolean noFormat;

    @Override
    public Object execute() {
        if (speaker == null) {
            System.out.println("No BGP speaker (configure PID org.softwire.bgp: local-as, router-id)");
            return null;
        }
        System.out.println("Local AS " + speaker.localAs() + ", router id " + speaker.routerId());
        BgpTables.peers(speaker.peers(), System.out, noFormat, System.currentTimeMillis());
        return null;
    }
}

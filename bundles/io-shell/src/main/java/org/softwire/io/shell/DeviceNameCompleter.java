package org.softwire.io.shell;

import java.util.List;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.softwire.io.PacketDevice;

/** Completes packet device names. */
@Service
public class DeviceNameCompleter implements Completer {
    @Reference(optional = true)
    List<PacketDevice> devices;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        StringsCompleter names = new StringsCompleter();
        if (devices != null) {
            devices.forEach(d -> names.getStrings().add(d.name()));
        }
        return names.complete(session, commandLine, candidates);
    }
}

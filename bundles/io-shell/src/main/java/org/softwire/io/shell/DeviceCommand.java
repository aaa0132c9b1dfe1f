package org.softwire.io.shell;

import java.util.List;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.softwire.io.PacketDevice;

/** {@code io:device NAME}: one device's counters and drops by reason. */
@Service
@Command(scope = "io", name = "device", description = "Shows a packet device's counters and drops by reason")
public class DeviceCommand implements Action {
    @Reference(optional = true)
    List<PacketDevice> devices;

    @Argument(index = 0, name = "name", required = true, description = "Device name")
    @Completion(DeviceNameCompleter.class)
    String name;

    @Option(name = "--no-format", description = "Plain output without table borders")
    boolean noFormat;

    @Override
    public Object execute() {
        for (PacketDevice d : devices == null ? List.<PacketDevice>of() : devices) {
            if (d.name().equals(name)) {
                DeviceTables.device(d, System.out, noFormat);
                return null;
            }
        }
        System.err.println("no packet device named '" + name + "' (io:devices lists them)");
        return null;
    }
}

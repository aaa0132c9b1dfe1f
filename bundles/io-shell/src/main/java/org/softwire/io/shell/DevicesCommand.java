package org.softwire.io.shell;

import java.util.List;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.softwire.io.PacketDevice;

/** {@code io:devices}: every packet device with its counters. */
@Service
@Command(scope = "io", name = "devices", description = "Lists packet devices (TUN, pcap, memory) with their counters")
public class DevicesCommand implements Action {
    @Reference(optional = true)
    List<PacketDevice> devices;

    @Option(name = "--no-format", description = "Plain output without table borders")
    boolean noFormat;

    @Override
    public Object execute() {
        DeviceTables.devices(devices == null ? List.of() : devices, System.out, noFormat);
        return null;
    }
}

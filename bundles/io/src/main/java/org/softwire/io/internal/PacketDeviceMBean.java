package org.softwire.io.internal;

import java.util.Map;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;
import org.softwire.io.PacketDevice;
import org.softwire.io.PacketDeviceMXBean;

/** The MXBean of one device: reads the device's counters on each attribute read. */
public final class PacketDeviceMBean implements PacketDeviceMXBean {
    public static final String DOMAIN = "org.softwire";

    private final PacketDevice device;

    public PacketDeviceMBean(PacketDevice device) {
        this.device = device;
    }

    /** {@code org.softwire:type=PacketDevice,name=<name>}, the name quoted if ObjectName reserves a character of it. */
    public static ObjectName objectName(String deviceName) {
        String value = deviceName.matches("[A-Za-z0-9_.@%+-]+") ? deviceName : ObjectName.quote(deviceName);
        try {
            return new ObjectName(DOMAIN + ":type=PacketDevice,name=" + value);
        } catch (MalformedObjectNameException e) {
            throw new IllegalArgumentException("device name '" + deviceName + "' makes no ObjectName", e);
        }
    }

    @Override
    public String getName() { return device.name(); }

    @Override
    public String getKind() { return device.kind(); }

    @Override
    public int getMtu() { return device.mtu(); }

    @Override
    public int getQueues() { return device.queueCount(); }

    @Override
    public boolean isOpen() { return device.isOpen(); }

    @Override
    public long getRxPackets() { return device.counters().rxPackets(); }

    @Override
    public long getRxBytes() { return device.counters().rxBytes(); }

    @Override
    public long getTxPackets() { return device.counters().txPackets(); }

    @Override
    public long getTxBytes() { return device.counters().txBytes(); }

    @Override
    public long getDropsTotal() { return device.counters().dropsTotal(); }

    @Override
    public Map<String, Long> getDrops() { return device.counters().dropsByLabel(); }
}

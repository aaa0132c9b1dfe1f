package org.softwire.softwire.internal;

import java.util.Map;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;
import org.softwire.softwire.Softwire;
import org.softwire.softwire.SoftwireMXBean;

/** The MXBean of one softwire: reads its counters on each attribute read. */
public final class SoftwireMBean implements SoftwireMXBean {
    private final Softwire softwire;

    public SoftwireMBean(Softwire softwire) {
        this.softwire = softwire;
    }

    /** {@code org.softwire:type=Softwire,name=<name>}, the name quoted if ObjectName reserves a character of it. */
    public static ObjectName objectName(String name) {
        String value = name.matches("[A-Za-z0-9_.@%+-]+") ? name : ObjectName.quote(name);
        try {
            return new ObjectName("org.softwire:type=Softwire,name=" + value);
        } catch (MalformedObjectNameException e) {
            throw new IllegalArgumentException("softwire name '" + name + "' makes no ObjectName", e);
        }
    }

    @Override public String getName() { return softwire.name(); }
    @Override public String getState() { return softwire.state().label(); }
    @Override public String getDevice() { return softwire.device(); }
    @Override public String getLocal() { return softwire.local(); }
    @Override public String getRemote() { return softwire.remote(); }
    @Override public String getEncapsulation() { return softwire.encapsulation(); }
    @Override public int getMtu() { return softwire.mtu(); }
    @Override public long getGreKey() { return softwire.greKey(); }
    @Override public String[] getPrefixes() { return softwire.prefixes().toArray(String[]::new); }
    @Override public Map<String, Long> getDeviceDropsByReason() { return softwire.deviceDrops(); }
    @Override public long getEncapsulatedPackets() { return softwire.stats().encapPackets(); }
    @Override public long getEncapsulatedBytes() { return softwire.stats().encapBytes(); }
    @Override public long getDecapsulatedPackets() { return softwire.stats().decapPackets(); }
    @Override public long getDecapsulatedBytes() { return softwire.stats().decapBytes(); }
    @Override public long getIcmpSent() { return softwire.stats().icmpSent(); }
    @Override public long getFragments() { return softwire.stats().fragments(); }
    @Override public long getDroppedPackets() { return softwire.stats().dropTotal(); }
    @Override public Map<String, Long> getDropsByReason() { return softwire.stats().drops(); }
}

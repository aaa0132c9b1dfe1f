package org.softwire.afbr.internal;

import java.util.Map;
import java.util.TreeMap;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;
import org.softwire.afbr.AfbrMXBean;
import org.softwire.encap.CodecCounters;
import org.softwire.packet.DropReason;

/** The MBean of one AFBR. */
final class AfbrMBean implements AfbrMXBean {
    private final Afbr afbr;

    AfbrMBean(Afbr afbr) {
        this.afbr = afbr;
    }

    static ObjectName objectName(String name) {
        try {
            return new ObjectName("org.softwire", new java.util.Hashtable<>(Map.of("type", "Afbr", "name", ObjectName.quote(name))));
        } catch (MalformedObjectNameException e) {
            throw new IllegalArgumentException(e);
        }
    }

    @Override public String getName() { return afbr.name(); }
    @Override public String getLocalEndpoint() { return afbr.settings.local().toString(); }
    @Override public int getFibIpv4Entries() { return afbr.ipv4Entries(); }
    @Override public int getFibIpv6Entries() { return afbr.ipv6Entries(); }
    @Override public long getEncapsulatedPackets() { return afbr.counters.snapshot().encapPackets(); }
    @Override public long getDecapsulatedPackets() { return afbr.counters.snapshot().decapPackets(); }

    @Override
    public long getDroppedPackets() {
        CodecCounters.Snapshot s = afbr.counters.snapshot();
        long n = 0;
        for (DropReason r : DropReason.values()) {
            if (r != DropReason.NONE) {
                n += s.drops(r);
            }
        }
        return n;
    }

    @Override
    public Map<String, Long> getDropsByReason() {
        CodecCounters.Snapshot s = afbr.counters.snapshot();
        Map<String, Long> m = new TreeMap<>();
        for (DropReason r : DropReason.values()) {
            if (r != DropReason.NONE && s.drops(r) > 0) {
                m.put(r.label(), s.drops(r));
            }
        }
        return m;
    }
}

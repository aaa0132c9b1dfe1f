package org.softwire.dslite.internal;

import java.util.Map;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;
import org.softwire.dslite.Aftr;
import org.softwire.dslite.AftrMXBean;

/** The MXBean of one AFTR: reads its counters on each attribute read. */
public final class AftrMBean implements AftrMXBean {
    private final Aftr aftr;

    public AftrMBean(Aftr aftr) {
        this.aftr = aftr;
    }

    /** {@code org.softwire:type=Aftr,name=<name>}. */
    public static ObjectName objectName(String name) {
        String value = name.matches("[A-Za-z0-9_.@%+-]+") ? name : ObjectName.quote(name);
        try {
            return new ObjectName("org.softwire:type=Aftr,name=" + value);
        } catch (MalformedObjectNameException e) {
            throw new IllegalArgumentException("AFTR name '" + name + "' makes no ObjectName", e);
        }
    }

    @Override public String getName() { return aftr.name(); }
    @Override public String getDevice() { return aftr.device(); }
    @Override public String getAddress() { return aftr.address(); }
    @Override public String[] getB4Prefixes() { return aftr.b4Prefixes().toArray(String[]::new); }
    @Override public String[] getPool() { return aftr.pool().toArray(String[]::new); }
    @Override public boolean isRunning() { return aftr.running(); }
    @Override public int getSessionCount() { return aftr.sessionCount(); }
    @Override public int getMappingCount() { return aftr.mappingCount(); }
    @Override public Map<String, Long> getCounters() { return aftr.counters(); }
    @Override public Map<String, Long> getNatCounters() { return aftr.natCounters(); }
    @Override public Map<String, Long> getDropsByReason() { return aftr.drops(); }

    @Override
    public long getDroppedPackets() {
        long n = 0;
        for (long v : aftr.drops().values()) {
            n += v;
        }
        return n;
    }

    @Override public int clearSessions() { return aftr.clear(null); }
}

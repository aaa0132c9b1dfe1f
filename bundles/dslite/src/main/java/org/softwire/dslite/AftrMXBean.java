package org.softwire.dslite;

import java.util.Map;

/** JMX view of one AFTR: {@code org.softwire:type=Aftr,name=<name>}. Open types only. */
public interface AftrMXBean {
    String getName();

    String getDevice();

    String getAddress();

    String[] getB4Prefixes();

    String[] getPool();

    boolean isRunning();

    int getSessionCount();

    int getMappingCount();

    /** Data-path counters (packets per direction, fragments, ICMP). */
    Map<String, Long> getCounters();

    /** NAT counters ({@code Nat44Counter} labels, RFC 8512 / RFC 7870) and NAT drops by reason. */
    Map<String, Long> getNatCounters();

    /** Drops by reason label (AFTR, packet/codec and NAT reasons). */
    Map<String, Long> getDropsByReason();

    long getDroppedPackets();

    /** Clears all sessions; returns how many were removed. */
    int clearSessions();
}

package org.softwire.dslite;

import java.util.Map;

/**
 * JMX view of one AFTR: {@code org.softwire:type=Aftr,name=<name>}. Open types only. The MBean is a
 * {@code NotificationEmitter}: alarm notifications of type {@code org.softwire.dslite.alarm.<label>.raised} and
 * {@code .cleared} ({@link AftrAlarm}), user data a composite (alarm, reference, subject, value, threshold, state).
 * Writing a threshold updates the AFTR's configuration (it persists in Config Admin) and applies at the next check.
 */
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

    /** Clears the sessions of one B4 (its IPv6 address); returns how many were removed. */
    int clearB4Sessions(String b4);

    /** B4s holding port blocks (RFC 7870 dsliteStatisticsTable rows). */
    int getActiveSubscribers();

    /**
     * One B4's RFC 7870 statistics and pool share: receives, sends, discards, sessions, tcp-ports, udp-ports,
     * icmp-ids, blocks, port-quota, session-limit; empty if it is unknown.
     */
    Map<String, Long> subscriberStatistics(String b4);

    /** Per external address: {@code address -> ports in use} (all protocols). */
    Map<String, Long> getPoolPortsInUse();

    /** Raised alarms as text. */
    String[] getActiveAlarms();

    // ---- thresholds (AftrAlarm keys; 0 or -1 = off)

    /** RFC 7870 dsliteAFTRAlarmConnectNumber: active B4s in percent of max-subscribers (default 60). */
    int getAlarmTunnels();

    void setAlarmTunnels(int percent);

    /** RFC 7870 dsliteAFTRAlarmSessionNumber: sessions of one B4 (default -1 = off). */
    int getAlarmSubscriberSessions();

    void setAlarmSubscriberSessions(int sessions);

    /** RFC 7870 dsliteAFTRAlarmPortNumber: ports in use on one external address (default -1 = off). */
    int getAlarmAddressPorts();

    void setAlarmAddressPorts(int ports);

    /** RFC 8512 nat-pool-event high-threshold: port blocks held, percent of the pool. */
    int getPoolHighThreshold();

    void setPoolHighThreshold(int percent);

    /** RFC 8512 nat-pool-event low-threshold. */
    int getPoolLowThreshold();

    void setPoolLowThreshold(int percent);

    /** RFC 8512 notify-ports-usage: ports in use, percent of all ports of the pool. */
    int getNotifyPortsUsage();

    void setNotifyPortsUsage(int percent);

    /** RFC 8512 notify-addresses-usage: addresses with a B4, percent of the pool. */
    int getNotifyAddressesUsage();

    void setNotifyAddressesUsage(int percent);

    /** RFC 8512 notify-subscribers-limit: active B4s. */
    int getNotifySubscribersLimit();

    void setNotifySubscribersLimit(int subscribers);

    /** Live sessions, percent of the session table capacity. */
    int getNotifySessionsUsage();

    void setNotifySessionsUsage(int percent);
}

package org.softwire.dhcpv6.client;

import java.util.Map;

/**
 * JMX view of one client: {@code org.softwire:type=Dhcpv6Client,name=<name>}. Counters per message type (sent,
 * received), retransmissions and drops by reason; the lease; operations renew, release, restart.
 */
public interface Dhcpv6ClientMXBean {
    String getName();

    String getInterface();

    String getNetns();

    String getMode();

    String getState();

    String getDuid();

    /** Server DUID of the lease, "" without one. */
    String getServer();

    /** AFTR-Name of the lease, "" without one. */
    String getAftrName();

    int[] getS46Priority();

    /** Codes of the S46 containers received (94, 95, 96). */
    int[] getS46Containers();

    String[] getAddresses();

    String[] getPrefixes();

    String getLastError();

    /** Every non-zero counter by label ({@code sent.solicit}, {@code received.reply}, {@code drop.<reason>} ...). */
    Map<String, Long> getCounters();

    Map<String, Long> getDropsByReason();

    long getDroppedMessages();

    boolean renew();

    boolean release();

    void restart();
}

package org.softwire.dhcpv6.server;

import java.util.Map;

/** JMX view of one server: {@code org.softwire:type=Dhcpv6Server,name=<name>}. Open types only. */
public interface Dhcpv6ServerMXBean {
    String getName();

    String getDuid();

    Map<String, String> getInterfaces();

    String[] getSubnets();

    int getLeaseCount();

    Map<String, Long> getReceived();

    Map<String, Long> getSent();

    Map<String, Long> getDropsByReason();

    long getDroppedMessages();
}

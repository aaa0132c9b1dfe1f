package org.softwire.nat44;

import java.util.List;

/**
 * One subscriber as the control plane sees it: its key as text (B4 IPv6 address or internal IPv4 address), the
 * paired external address ({@code -} before its first mapping), ports in use per protocol against the quota,
 * sessions against the limit, and its port blocks.
 */
public record SubscriberUsage(String subscriber, String externalAddress, int tcpPorts, int udpPorts, int icmpIds,
                              int portQuota, int sessions, int sessionLimit, List<PortBlock> blocks) {
    public SubscriberUsage {
        blocks = List.copyOf(blocks);
    }
}

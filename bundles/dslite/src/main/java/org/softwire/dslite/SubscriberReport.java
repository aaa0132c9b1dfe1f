package org.softwire.dslite;

import java.util.List;

/**
 * One B4 as the AFTR sees it: its RFC 7870 {@code dsliteStatisticsTable} row and its share of the pool.
 *
 * @param b4              the B4's IPv6 address (the Softwire-Id of the extended binding, RFC 6333 §6.6)
 * @param externalAddress the paired external address, {@code -} before its first mapping
 * @param tcpPorts        TCP ports in use
 * @param udpPorts        UDP ports in use
 * @param icmpIds         ICMP identifiers in use
 * @param portQuota       ports per protocol it may hold (RFC 6888 REQ-4)
 * @param sessions        live sessions (dsliteStatisticsIpv4Session)
 * @param sessionLimit    sessions it may hold (RFC 6888 REQ-5)
 * @param portBlocks      its port blocks, e.g. {@code tcp 192.0.2.1 39936-40447}
 * @param receives        packets from it translated (dsliteStatisticsReceives)
 * @param sends           packets translated toward it (dsliteStatisticsSends)
 * @param discards        packets from or to it dropped by the NAT (dsliteStatisticsDiscards)
 */
public record SubscriberReport(String b4, String externalAddress, int tcpPorts, int udpPorts, int icmpIds,
                               int portQuota, int sessions, int sessionLimit, List<String> portBlocks, long receives,
                               long sends, long discards) {
    public SubscriberReport {
        portBlocks = List.copyOf(portBlocks);
    }
}

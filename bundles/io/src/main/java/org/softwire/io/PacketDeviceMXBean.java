package org.softwire.io;

import java.util.Map;

/**
 * Management view of a {@link PacketDevice}, registered for every device service under
 * {@code org.softwire:type=PacketDevice,name=<device name>} (the name quoted if it holds characters that
 * ObjectName reserves). Open types only: counters are {@code long}, drops a map from
 * {@link IoDropReason#label()} to count.
 */
public interface PacketDeviceMXBean {
    String getName();

    /** {@code tun}, {@code pcap} or {@code memory}. */
    String getKind();

    int getMtu();

    int getQueues();

    boolean isOpen();

    long getRxPackets();

    long getRxBytes();

    long getTxPackets();

    long getTxBytes();

    /** Sum of all drops. */
    long getDropsTotal();

    /** Drops by reason label, every reason listed. */
    Map<String, Long> getDrops();
}

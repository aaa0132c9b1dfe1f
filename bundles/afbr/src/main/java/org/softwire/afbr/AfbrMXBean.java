package org.softwire.afbr;

import java.util.Map;

/** {@code org.softwire:type=Afbr,name=<name>}: FIB sizes and data-plane counters. */
public interface AfbrMXBean {
    String getName();

    String getLocalEndpoint();

    int getFibIpv4Entries();

    int getFibIpv6Entries();

    long getEncapsulatedPackets();

    long getDecapsulatedPackets();

    long getDroppedPackets();

    /** Non-zero drop counters by DropReason label. */
    Map<String, Long> getDropsByReason();
}

package org.softwire.encap.registry.internal;

import javax.management.openmbean.TabularData;

/**
 * What operators see of one codec in jconsole or hawtio, as {@code org.softwire:type=EncapsulationCodec,name=<name>}.
 * Open types only. Counters are summed over all tunnels and workers; byte counters count the outer packet.
 */
public interface EncapsulationCodecMBean {
    String getName();

    String getOuterFamily();

    String[] getPayloadFamilies();

    int getProtocol();

    String getReference();

    long getEncapsulatedPackets();

    long getEncapsulatedBytes();

    long getDecapsulatedPackets();

    long getDecapsulatedBytes();

    long getIcmpGenerated();

    long getIcmpRelayed();

    /** Sum over all drop reasons. */
    long getDroppedPackets();

    /** One row per drop reason seen so far: Reason, Count, Description, Rfc; indexed by Reason. */
    TabularData getDropsByReason();
}

package org.softwire.softwire;

import java.util.Map;

/**
 * Management view of a {@link Softwire}, registered as {@code org.softwire:type=Softwire,name=<name>}. Open types
 * only: counters are {@code long}, drops a map from reason label to count (non-zero reasons).
 */
public interface SoftwireMXBean {
    String getName();

    /** {@link SoftwireState#label()}. */
    String getState();

    String getDevice();

    String getLocal();

    String getRemote();

    String getEncapsulation();

    int getMtu();

    /** {@link Softwire#prefixes()}. */
    String[] getPrefixes();

    /** {@link Softwire#deviceDrops()}: drops of the device not charged to a softwire. */
    Map<String, Long> getDeviceDropsByReason();

    /** GRE key, or -1 for none. */
    long getGreKey();

    long getEncapsulatedPackets();

    long getEncapsulatedBytes();

    long getDecapsulatedPackets();

    long getDecapsulatedBytes();

    long getIcmpSent();

    long getFragments();

    long getDroppedPackets();

    Map<String, Long> getDropsByReason();
}

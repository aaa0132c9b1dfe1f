package org.softwire.io;

import org.osgi.annotation.versioning.ProviderType;

/**
 * A packet device: a source and sink of IP packets with one or more queues.
 *
 * <p>Registered as an OSGi service with {@link #NAME}, {@link #KIND} and {@link #QUEUES}. The device's owner (the
 * component that created it) opens and closes it; consumers only use its queues. After close, receive returns
 * {@link PacketQueue#END} and transmit counts {@link IoDropReason#TX_DOWN}.
 */
@ProviderType
public interface PacketDevice {
    /** Service property: device name, unique among devices (e.g. {@code tun0}). */
    String NAME = "softwire.io.name";
    /** Service property: device kind, one of the {@code KIND_} values. */
    String KIND = "softwire.io.kind";
    /** Service property: number of queues (Integer). */
    String QUEUES = "softwire.io.queues";

    /** A Linux TUN interface (org.softwire.tun). */
    String KIND_TUN = "tun";
    /** A pcap file pair: input file to receive, output file for transmit. */
    String KIND_PCAP = "pcap";
    /** One end of an in-memory pair. */
    String KIND_MEMORY = "memory";

    String name();

    String kind();

    /** Largest packet, in octets, that transmit accepts (longer ones count {@link IoDropReason#TX_TOO_BIG}). */
    int mtu();

    /** Number of queues; at least 1. */
    int queueCount();

    /**
     * Queue {@code index}, {@code 0 <= index < queueCount()}. Give each worker thread its own queue.
     *
     * @throws IndexOutOfBoundsException for a bad index
     */
    PacketQueue queue(int index);

    /** Counters summed over all queues (allocates: control plane). */
    CounterSnapshot counters();

    /** False once the device was closed or failed. */
    boolean isOpen();
}

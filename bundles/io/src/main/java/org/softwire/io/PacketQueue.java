package org.softwire.io;

import org.osgi.annotation.versioning.ProviderType;
import org.softwire.packet.PacketBuffer;

/**
 * One queue of a {@link PacketDevice}: batched receive and transmit.
 *
 * <p>Threading: at most one thread receives and at most one thread transmits on a queue at a time (they may be
 * different threads). Neither call allocates.
 *
 * <p>Buffers stay the caller's. {@code receive} lays each packet at {@link PacketBuffer#DEFAULT_HEADROOM} (so a
 * codec can prepend an outer header in place) and sets the buffer's bounds; buffers should hold
 * {@code DEFAULT_HEADROOM + mtu + 1} octets at least, longer packets are dropped as
 * {@link IoDropReason#RX_TRUNCATED}. {@code transmit} copies each packet out; the buffers may be reused at once.
 */
@ProviderType
public interface PacketQueue {
    /** Returned by {@link #receive} once the device is closed or its input has ended. */
    int END = -1;

    /** A good batch size: tens of packets per call amortise the call and counter costs. */
    int DEFAULT_BATCH = 32;

    /** Index of this queue in its device. */
    int index();

    /** This queue's counters (also summed into {@link PacketDevice#counters()}). */
    QueueCounters counters();

    /**
     * Receives up to {@code count} packets into {@code bufs[offset, offset + count)}.
     *
     * <p>Waits up to {@code timeoutMillis} for the first packet ({@code 0}: do not wait), then takes what is ready
     * without waiting more. Packets that cannot be delivered (too long, read error) are counted and skipped.
     *
     * @return the number of buffers filled, from {@code bufs[offset]} on; {@code 0} if none came in time;
     *         {@link #END} if the device is closed or its input has ended (a worker loop stops on it)
     */
    int receive(PacketBuffer[] bufs, int offset, int count, long timeoutMillis);

    /**
     * Transmits {@code bufs[offset, offset + count)} in order.
     *
     * <p>Back-pressure is explicit: the return value is how many packets the device took, counting packets it
     * took and dropped with a counted reason (too long, write error, device down). It stops at the first packet
     * it cannot take now because its queue is full; the caller keeps the rest and either retries later or calls
     * {@link #transmitOrDrop}.
     *
     * @return the number of packets taken, {@code 0..count}
     */
    int transmit(PacketBuffer[] bufs, int offset, int count);

    /**
     * Transmits like {@link #transmit} and counts the packets it could not take as
     * {@link IoDropReason#TX_QUEUE_FULL}: after this call the caller owes nothing more for the batch.
     *
     * @return the number of packets taken by the device (the other {@code count - n} were counted as dropped)
     */
    default int transmitOrDrop(PacketBuffer[] bufs, int offset, int count) {
        int n = transmit(bufs, offset, count);
        if (n < count) {
            counters().drop(IoDropReason.TX_QUEUE_FULL, count - n);
        }
        return n;
    }
}

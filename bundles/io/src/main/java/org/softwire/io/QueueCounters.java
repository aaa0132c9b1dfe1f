package org.softwire.io;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * Counters of one {@link PacketQueue}: packets and octets received and transmitted, drops by {@link IoDropReason}.
 *
 * <p>Single writer per counter: the receiving thread updates the receive counters and receive drop reasons,
 * the transmitting thread the transmit ones. Writes are opaque (no fences, no allocation); readers on other
 * threads see recent values and never torn ones. The array is padded so that two queues' counters never share a
 * cache line.
 */
public final class QueueCounters {
    private static final VarHandle LONGS = MethodHandles.arrayElementVarHandle(long[].class);
    /** 64 octets of padding on each side. */
    private static final int PAD = 8;
    private static final int RX_PACKETS = PAD;
    private static final int RX_BYTES = PAD + 1;
    private static final int TX_PACKETS = PAD + 2;
    private static final int TX_BYTES = PAD + 3;
    private static final int DROPS = PAD + 4;

    private final long[] c = new long[DROPS + IoDropReason.count() + PAD];

    private void add(int index, long n) {
        LONGS.setOpaque(c, index, (long) LONGS.getOpaque(c, index) + n);
    }

    private long get(int index) {
        return (long) LONGS.getOpaque(c, index);
    }

    /** Counts {@code packets} received totalling {@code bytes} octets (receiving thread only). */
    public void received(int packets, long bytes) {
        if (packets != 0) {
            add(RX_PACKETS, packets);
            add(RX_BYTES, bytes);
        }
    }

    /** Counts {@code packets} transmitted totalling {@code bytes} octets (transmitting thread only). */
    public void transmitted(int packets, long bytes) {
        if (packets != 0) {
            add(TX_PACKETS, packets);
            add(TX_BYTES, bytes);
        }
    }

    /** Counts {@code n} packets dropped for {@code reason} (by the thread of the reason's direction). */
    public void drop(IoDropReason reason, long n) {
        add(DROPS + reason.ordinal(), n);
    }

    public long rxPackets() { return get(RX_PACKETS); }

    public long rxBytes() { return get(RX_BYTES); }

    public long txPackets() { return get(TX_PACKETS); }

    public long txBytes() { return get(TX_BYTES); }

    public long drops(IoDropReason reason) { return get(DROPS + reason.ordinal()); }

    /** Adds these counters into {@code totals} ({@code [rxP, rxB, txP, txB, drops by ordinal...]}). */
    void addTo(long[] totals) {
        totals[0] += rxPackets();
        totals[1] += rxBytes();
        totals[2] += txPackets();
        totals[3] += txBytes();
        for (int i = 0; i < IoDropReason.count(); i++) {
            totals[4 + i] += get(DROPS + i);
        }
    }
}

package org.softwire.io;

import org.softwire.packet.PacketBuffer;

/**
 * One end of an in-memory device pair: what one end transmits, the other receives, through a bounded ring of
 * preallocated buffers (copy in, copy out; no allocation per packet). For unit tests and for wiring a data path
 * without a kernel. One queue; a full ring is back-pressure ({@link PacketQueue#transmit} takes fewer).
 */
public final class MemoryDevice implements PacketDevice, AutoCloseable {
    /** Two connected ends; closing the pair closes both. */
    public record Pair(MemoryDevice a, MemoryDevice b) implements AutoCloseable {
        @Override
        public void close() {
            a.close();
            b.close();
        }
    }

    private final String name;
    private final int mtu;
    private final Ring inbox;
    private final QueueCounters counters = new QueueCounters();
    private final Queue queue = new Queue();
    private MemoryDevice peer;
    private volatile boolean open = true;

    private MemoryDevice(String name, int mtu, int ringSize) {
        this.name = name;
        this.mtu = mtu;
        this.inbox = new Ring(ringSize, PacketBuffer.DEFAULT_HEADROOM + mtu);
    }

    /**
     * Two connected ends.
     *
     * @param mtu      largest packet transmitted, 1..65535
     * @param ringSize packets each direction holds before transmit pushes back
     */
    public static Pair pair(String nameA, String nameB, int mtu, int ringSize) {
        if (mtu < 1 || mtu > 65535) {
            throw new IllegalArgumentException("mtu " + mtu + " outside 1..65535");
        }
        if (ringSize < 1) {
            throw new IllegalArgumentException("ring size must be positive, not " + ringSize);
        }
        if (nameA.equals(nameB)) {
            throw new IllegalArgumentException("the two ends need different names, both are '" + nameA + "'");
        }
        MemoryDevice a = new MemoryDevice(nameA, mtu, ringSize);
        MemoryDevice b = new MemoryDevice(nameB, mtu, ringSize);
        a.peer = b;
        b.peer = a;
        return new Pair(a, b);
    }

    @Override
    public String name() { return name; }

    @Override
    public String kind() { return KIND_MEMORY; }

    @Override
    public int mtu() { return mtu; }

    @Override
    public int queueCount() { return 1; }

    @Override
    public PacketQueue queue(int index) {
        if (index != 0) {
            throw new IndexOutOfBoundsException("memory device " + name + " has 1 queue, no queue " + index);
        }
        return queue;
    }

    @Override
    public CounterSnapshot counters() { return CounterSnapshot.of(counters); }

    @Override
    public boolean isOpen() { return open; }

    /** Packets waiting to be received at this end. */
    public int pending() {
        synchronized (inbox) {
            return inbox.count;
        }
    }

    /** Closes this end: its receivers get {@link PacketQueue#END}, the peer's transmits count TX_DOWN. */
    @Override
    public void close() {
        open = false;
        synchronized (inbox) {
            inbox.notifyAll();
        }
    }

    @Override
    public String toString() { return "MemoryDevice[" + name + "]"; }

    /** Bounded FIFO of preallocated buffers; guarded by its own monitor. */
    private static final class Ring {
        final PacketBuffer[] slots;
        int head;
        int count;

        Ring(int size, int capacity) {
            slots = new PacketBuffer[size];
            for (int i = 0; i < size; i++) {
                slots[i] = PacketBuffer.allocate(capacity, PacketBuffer.DEFAULT_HEADROOM);
            }
        }
    }

    private final class Queue implements PacketQueue {
        @Override
        public int index() { return 0; }

        @Override
        public QueueCounters counters() { return counters; }

        @Override
        public int receive(PacketBuffer[] bufs, int offset, int count, long timeoutMillis) {
            int n = 0;
            long bytes = 0;
            Ring r = inbox;
            synchronized (r) {
                if (r.count == 0 && timeoutMillis > 0 && open) {
                    long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
                    long left = timeoutMillis;
                    while (r.count == 0 && open && left > 0) {
                        try {
                            r.wait(left);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            break;
                        }
                        left = (deadline - System.nanoTime()) / 1_000_000L;
                    }
                }
                if (!open) {
                    return END;
                }
                while (n < count && r.count > 0) {
                    PacketBuffer slot = r.slots[r.head];
                    r.head = (r.head + 1) % r.slots.length;
                    r.count--;
                    PacketBuffer b = bufs[offset + n];
                    int len = slot.length();
                    int hr = Math.min(PacketBuffer.DEFAULT_HEADROOM, b.capacity());
                    if (hr + len > b.capacity()) {
                        counters.drop(IoDropReason.RX_TRUNCATED, 1);
                        continue;
                    }
                    b.data().put(hr, slot.data(), slot.start(), len);
                    b.setBounds(hr, hr + len);
                    bytes += len;
                    n++;
                }
            }
            counters.received(n, bytes);
            return n;
        }

        @Override
        public int transmit(PacketBuffer[] bufs, int offset, int count) {
            MemoryDevice to = peer;
            if (!open || !to.open) {
                counters.drop(IoDropReason.TX_DOWN, count);
                return count;
            }
            Ring r = to.inbox;
            int taken = 0;
            int sent = 0;
            long bytes = 0;
            synchronized (r) {
                for (; taken < count; taken++) {
                    PacketBuffer p = bufs[offset + taken];
                    int len = p.length();
                    if (len > mtu) {
                        counters.drop(IoDropReason.TX_TOO_BIG, 1);
                        continue;
                    }
                    if (r.count == r.slots.length) {
                        break;
                    }
                    PacketBuffer slot = r.slots[(r.head + r.count) % r.slots.length];
                    slot.clear();
                    slot.data().put(slot.start(), p.data(), p.start(), len);
                    slot.setLength(len);
                    r.count++;
                    sent++;
                    bytes += len;
                }
                if (sent > 0) {
                    r.notifyAll();
                }
            }
            counters.transmitted(sent, bytes);
            return taken;
        }
    }
}

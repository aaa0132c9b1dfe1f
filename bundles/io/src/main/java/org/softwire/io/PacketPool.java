package org.softwire.io;

import org.softwire.packet.PacketBuffer;

/**
 * A fixed set of packet buffers allocated once and reused: the data path takes buffers with {@link #acquire} and
 * gives them back with {@link #release}; nothing allocates after construction.
 *
 * <p>Not thread-safe: give each worker its own pool (devices copy on transmit, so buffers never have to travel
 * between threads). An empty pool is back-pressure: the caller counts {@code DropReason.NO_BUFFER} or waits.
 */
public final class PacketPool {
    private final PacketBuffer[] free;
    private final int size;
    private int top;

    /**
     * @param size           number of buffers
     * @param bufferCapacity octets per buffer, headroom included
     * @param direct         off-heap buffers (what native devices such as TUN read into without a copy)
     */
    public PacketPool(int size, int bufferCapacity, boolean direct) {
        if (size <= 0) {
            throw new IllegalArgumentException("pool size must be positive, not " + size);
        }
        if (bufferCapacity <= PacketBuffer.DEFAULT_HEADROOM) {
            throw new IllegalArgumentException("buffer capacity " + bufferCapacity + " leaves no room after the "
                    + PacketBuffer.DEFAULT_HEADROOM + "-octet headroom");
        }
        this.size = size;
        this.free = new PacketBuffer[size];
        for (int i = 0; i < size; i++) {
            free[i] = direct
                    ? PacketBuffer.allocateDirect(bufferCapacity, PacketBuffer.DEFAULT_HEADROOM)
                    : PacketBuffer.allocate(bufferCapacity, PacketBuffer.DEFAULT_HEADROOM);
        }
        this.top = size;
    }

    /** {@code size} direct buffers of {@link PacketBuffer#DEFAULT_CAPACITY} (jumbo frames fit). */
    public static PacketPool direct(int size) {
        return new PacketPool(size, PacketBuffer.DEFAULT_CAPACITY, true);
    }

    /** A cleared buffer with {@link PacketBuffer#DEFAULT_HEADROOM}, or null if none is free. */
    public PacketBuffer acquire() {
        if (top == 0) {
            return null;
        }
        PacketBuffer b = free[--top];
        free[top] = null;
        return b;
    }

    /**
     * Fills {@code out[offset, offset + count)} with free buffers as far as there are some.
     *
     * @return how many were filled
     */
    public int acquire(PacketBuffer[] out, int offset, int count) {
        int n = Math.min(count, top);
        for (int i = 0; i < n; i++) {
            out[offset + i] = free[--top];
            free[top] = null;
        }
        return n;
    }

    /**
     * Gives a buffer back, cleared to {@link PacketBuffer#DEFAULT_HEADROOM}.
     *
     * @throws IllegalStateException if more buffers come back than the pool handed out (a double release)
     */
    public void release(PacketBuffer b) {
        if (top == size) {
            throw new IllegalStateException("pool of " + size + " is full: buffer released twice or not ours");
        }
        b.clear();
        free[top++] = b;
    }

    /** Gives back {@code bufs[offset, offset + count)} and nulls those slots. */
    public void release(PacketBuffer[] bufs, int offset, int count) {
        for (int i = offset; i < offset + count; i++) {
            release(bufs[i]);
            bufs[i] = null;
        }
    }

    /** Free buffers. */
    public int available() { return top; }

    /** Total buffers. */
    public int size() { return size; }
}

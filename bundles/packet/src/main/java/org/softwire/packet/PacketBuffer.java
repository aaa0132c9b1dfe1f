package org.softwire.packet;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * A reusable packet buffer with headroom.
 *
 * <p>The packet occupies {@code [start, end)} of a big-endian {@link ByteBuffer} that is always addressed with
 * absolute indices (its position and limit are never used). Space before {@code start} is headroom: an
 * encapsulation {@link #prepend prepends} its outer header there without moving the payload; decapsulation
 * {@link #consume consumes} the outer header by moving {@code start} forward. Buffers are pooled and reused:
 * nothing here allocates after construction.
 *
 * <p>Not thread-safe: a buffer belongs to one worker at a time.
 */
public final class PacketBuffer {
    /** Headroom that fits the largest header stack we prepend (IPv6 + destination options + GRE with all fields). */
    public static final int DEFAULT_HEADROOM = 128;
    /** Default capacity: headroom plus a 9000-byte jumbo frame plus slack. */
    public static final int DEFAULT_CAPACITY = 9216 + DEFAULT_HEADROOM;

    private final ByteBuffer data;
    private final int capacity;
    private int start;
    private int end;

    private PacketBuffer(ByteBuffer data, int headroom) {
        if (headroom < 0 || headroom > data.capacity()) {
            throw new IllegalArgumentException("headroom " + headroom + " outside buffer of " + data.capacity());
        }
        this.data = data.order(ByteOrder.BIG_ENDIAN);
        this.capacity = data.capacity();
        this.start = headroom;
        this.end = headroom;
    }

    /** A heap buffer. */
    public static PacketBuffer allocate(int capacity, int headroom) {
        return new PacketBuffer(ByteBuffer.allocate(capacity), headroom);
    }

    /** A direct (off-heap) buffer, suitable for native I/O without copies. */
    public static PacketBuffer allocateDirect(int capacity, int headroom) {
        return new PacketBuffer(ByteBuffer.allocateDirect(capacity), headroom);
    }

    /** A heap buffer with {@link #DEFAULT_HEADROOM} holding a copy of {@code packet} (tests, control plane). */
    public static PacketBuffer of(byte[] packet) {
        PacketBuffer b = allocate(Math.max(DEFAULT_CAPACITY, DEFAULT_HEADROOM + packet.length), DEFAULT_HEADROOM);
        b.data.put(b.start, packet);
        b.end = b.start + packet.length;
        return b;
    }

    /** The backing buffer; address it with absolute indices only. */
    public ByteBuffer data() { return data; }

    /** Absolute index of the first packet octet. */
    public int start() { return start; }

    /** Absolute index one past the last packet octet. */
    public int end() { return end; }

    /** Packet length in octets. */
    public int length() { return end - start; }

    public int capacity() { return capacity; }

    /** Free space in front of the packet. */
    public int headroom() { return start; }

    /** Free space after the packet. */
    public int tailroom() { return capacity - end; }

    /** Empties the buffer, leaving {@code headroom} octets in front. */
    public void clear(int headroom) {
        if (headroom < 0 || headroom > capacity) {
            throw new IllegalArgumentException("headroom " + headroom + " outside buffer of " + capacity);
        }
        start = headroom;
        end = headroom;
    }

    /** Empties the buffer with {@link #DEFAULT_HEADROOM} (or all of a smaller buffer). */
    public void clear() {
        clear(Math.min(DEFAULT_HEADROOM, capacity));
    }

    /**
     * Grows the packet at the front by {@code n} octets (their content is whatever was there).
     *
     * @return false, changing nothing, if the headroom is smaller than {@code n}
     */
    public boolean prepend(int n) {
        if (n < 0 || n > start) {
            return false;
        }
        start -= n;
        return true;
    }

    /**
     * Removes {@code n} octets from the front of the packet.
     *
     * @return false, changing nothing, if the packet is shorter than {@code n}
     */
    public boolean consume(int n) {
        if (n < 0 || n > end - start) {
            return false;
        }
        start += n;
        return true;
    }

    /**
     * Sets the packet length, keeping its start.
     *
     * @return false, changing nothing, if the result would not fit in the buffer
     */
    public boolean setLength(int length) {
        if (length < 0 || start + length > capacity) {
            return false;
        }
        end = start + length;
        return true;
    }

    /** Sets start and end directly (I/O drivers that fill the buffer). */
    public void setBounds(int start, int end) {
        if (start < 0 || end < start || end > capacity) {
            throw new IndexOutOfBoundsException("bounds [" + start + ", " + end + ") outside buffer of " + capacity);
        }
        this.start = start;
        this.end = end;
    }

    /** Replaces the content with a copy of {@code other}'s packet, at the same start offset if it fits. */
    public void copyFrom(PacketBuffer other) {
        int len = other.length();
        int s = Math.min(other.start, capacity - len);
        if (s < 0) {
            throw new IndexOutOfBoundsException("packet of " + len + " octets does not fit in " + capacity);
        }
        data.put(s, other.data, other.start, len);
        start = s;
        end = s + len;
    }

    /** Replaces the content with {@code packet}, keeping the current start (tests, control plane). */
    public void set(byte[] packet) {
        if (start + packet.length > capacity) {
            throw new IndexOutOfBoundsException("packet of " + packet.length + " octets does not fit");
        }
        data.put(start, packet);
        end = start + packet.length;
    }

    /** Unsigned octet at {@code start + offset}. */
    public int u8(int offset) { return data.get(start + offset) & 0xFF; }

    /** A copy of the packet octets (allocates: tests and control plane only). */
    public byte[] toByteArray() {
        byte[] b = new byte[length()];
        data.get(start, b);
        return b;
    }

    @Override
    public String toString() {
        return "PacketBuffer[start=" + start + ", length=" + length() + ", capacity=" + capacity + "]";
    }
}
